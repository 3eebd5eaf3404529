//! Security headers on every response (API, pages, static files, errors): what a browser may
//! load and run, that nothing may frame the portal, no MIME sniffing, how much of the address
//! leaks to other sites, and HTTPS-only when the portal is served over HTTPS.
use axum::{
    Router,
    http::{HeaderName, HeaderValue, header},
};
use tower_http::set_header::SetResponseHeaderLayer;

/// Everything the portal loads is its own: the stylesheet and script under `/static`, no
/// inline script or style (the bars' widths are classes, see `portal.css`), no plugins, no
/// framing (clickjacking). `form-action` is left out on purpose: sign-in with an outside
/// identity provider continues by redirect after a form post, which it would block.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// A year, as the HSTS preload list asks; only sent when the public address is HTTPS, so a
/// development server on plain HTTP never pins a browser to HTTPS for `localhost`.
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Wraps `router` so that every response carries the headers. A handler that sets one
/// itself keeps its own (`if_not_present`); none does today.
pub fn apply<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    public_url: Option<&str>,
) -> Router<S> {
    let fixed: [(HeaderName, &'static str); 4] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    let router = fixed.into_iter().fold(router, |router, (name, value)| {
        router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ))
    });
    router.layer(SetResponseHeaderLayer::if_not_present(
        header::STRICT_TRANSPORT_SECURITY,
        hsts(public_url),
    ))
}

/// HSTS only for a portal people reach over HTTPS.
fn hsts(public_url: Option<&str>) -> Option<HeaderValue> {
    public_url
        .filter(|url| url.trim().to_ascii_lowercase().starts_with("https://"))
        .map(|_| HeaderValue::from_static(HSTS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hsts_only_over_https() {
        assert!(hsts(Some("https://valinta.example.fi")).is_some());
        assert!(hsts(Some("HTTPS://valinta.example.fi")).is_some());
        assert!(hsts(Some("http://127.0.0.1:8080")).is_none());
        assert!(hsts(None).is_none());
    }

    #[test]
    fn the_policy_forbids_framing_and_inline_code() {
        assert!(CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'"));
        assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
        assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-eval"));
    }
}
