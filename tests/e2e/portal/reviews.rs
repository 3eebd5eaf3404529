//! Reviews in the browser: a client answers "How did it go?" (a phone number is refused and
//! explained at the text box), the review appears anonymously on the offering page and moves
//! the rating, the provider replies, someone reports it, a moderator hides it with a reason,
//! and the client sees that it was hidden and why.
use crate::harness::{TestApp, browser::Browser};

use super::PASSWORD;

const REVIEW: &str = "Apu tuli aina ajallaan ja hoitaja kuunteli.";

async fn a_client_reviews_the_provider_replies_and_a_moderator_hides_it(
    _app: &TestApp,
    b: &Browser,
    lang: &str,
) {
    b.goto("/").await;
    b.language(lang).await;
    b.sign_in("aino@demo.valinta.fi", PASSWORD).await;
    b.go("a[href$='/review']").await;
    let form_path = b.path().await;
    let offering = form_path
        .trim_start_matches("/my/offerings/")
        .trim_end_matches("/review")
        .to_owned();
    assert!(
        !b.exists(".acting").await && !b.exists(".whose").await,
        "a client on her own pages is not told she handles someone's matters"
    );

    // A phone number is refused, said at the text box and in the summary.
    b.select("#stars", "5").await;
    b.fill("#text", "Soittakaa 040 123 4567").await;
    b.go("form.narrow button[type=submit]").await;
    assert!(b.exists("#error-summary").await, "an error summary");
    assert_eq!(
        b.find("#text")
            .await
            .attr("aria-invalid")
            .await
            .expect("attr")
            .as_deref(),
        Some("true"),
        "the text box is marked invalid"
    );
    assert!(
        b.exists("#text-error").await,
        "the reason is at the text box"
    );

    b.fill("#text", REVIEW).await;
    b.go("form.narrow button[type=submit]").await;
    assert!(
        b.path().await.starts_with("/my/reviews"),
        "on her own reviews"
    );
    assert!(b.exists(".notice").await, "a confirmation");
    assert!(
        b.text("main").await.contains(REVIEW),
        "her review is listed"
    );
    b.sign_out().await;

    // Anyone sees it on the offering page: a verified client, not Aino; 4 + 2 + 5 = 3,7.
    b.goto(&format!("/offerings/{offering}")).await;
    let reviews = b.text("section[aria-labelledby=reviews-heading]").await;
    assert!(reviews.contains(REVIEW), "the review is public: {reviews}");
    assert!(
        reviews.contains("3,7"),
        "the rating moved to 3,7: {reviews}"
    );
    assert!(
        !b.text("main").await.contains("Aino"),
        "the author is never named"
    );

    // Kielo replies to the newest review without a reply.
    b.sign_in("kielo@demo.valinta.fi", PASSWORD).await;
    b.goto("/provider/reviews?unanswered=1").await;
    assert!(
        b.text("ul.reviews > li").await.contains(REVIEW),
        "newest first"
    );
    b.fill("ul.reviews textarea[name=text]", "Kiitos palautteesta!")
        .await;
    b.go("ul.reviews button[type=submit]").await;
    assert!(b.exists(".notice").await, "the reply is saved");
    assert!(
        !b.text("main").await.contains("Aino"),
        "the provider never sees who wrote a review"
    );
    b.sign_out().await;

    // Someone reports it without signing in.
    b.goto(&format!("/offerings/{offering}")).await;
    b.go("a[href$='/report']").await;
    b.fill("#reason", "Tarkistakaa tämä, kiitos.").await;
    b.go("form.narrow button[type=submit]").await;
    assert!(b.exists(".notice").await, "the report is received");

    // The moderator hides it with a reason.
    b.sign_in("moderointi@demo.valinta.fi", PASSWORD).await;
    b.goto("/purchaser/reviews").await;
    let first = b.text("ul.reviews > li").await;
    assert!(
        first.contains(REVIEW) && first.contains("Tarkistakaa"),
        "the reported review and the report: {first}"
    );
    b.fill(
        "ul.reviews textarea[name=reason]",
        "Testimme piilotti arvion.",
    )
    .await;
    assert!(
        !b.text("main").await.contains("Aino"),
        "nor does the moderator"
    );
    b.go("ul.reviews button[name=decision][value=hide]").await;
    assert!(b.exists(".notice").await, "hidden");
    b.sign_out().await;

    b.goto(&format!("/offerings/{offering}")).await;
    let reviews = b.text("section[aria-labelledby=reviews-heading]").await;
    assert!(
        !reviews.contains(REVIEW),
        "a hidden review leaves the public view: {reviews}"
    );
    assert!(reviews.contains("3,0"), "and the rating: {reviews}");

    b.sign_in("aino@demo.valinta.fi", PASSWORD).await;
    b.goto("/my/reviews").await;
    let warning = b.text("ul.reviews .warning").await;
    assert!(
        warning.contains("Testimme piilotti arvion."),
        "the author sees why: {warning}"
    );
}
in_every_language!(
    a_client_reviews_the_provider_replies_and_a_moderator_hides_it,
    en
);
