//! The support plan's questions (tukisuunnitelma), as the pilots asked them: stable keys and
//! plain-language text in Finnish, Swedish and English. The Finnish wording follows the
//! Suunta material and the SiVa support plan in the seeds.
use serde::Serialize;

/// One question of the support plan.
#[derive(Clone, Copy, Debug, Serialize, utoipa::ToSchema)]
pub struct Question {
    /// Stable: answers are stored under it.
    pub key: &'static str,
    pub text: QuestionText,
}

#[derive(Clone, Copy, Debug, Serialize, utoipa::ToSchema)]
pub struct QuestionText {
    pub fi: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
}

const fn q(key: &'static str, fi: &'static str, sv: &'static str, en: &'static str) -> Question {
    Question {
        key,
        text: QuestionText { fi, sv, en },
    }
}

/// The questions in the order the plan asks them.
pub const QUESTIONS: [Question; 10] = [
    q(
        "what_matters",
        "Mikä on minulle tärkeää?",
        "Vad är viktigt för mig?",
        "What matters to me?",
    ),
    q(
        "what_works_now",
        "Mitkä asiat ovat elämässäni hyvin tällä hetkellä?",
        "Vad fungerar bra i mitt liv just nu?",
        "What is going well in my life right now?",
    ),
    q(
        "what_to_change",
        "Mitä asioita haluaisin muuttaa elämässäni?",
        "Vad skulle jag vilja ändra i mitt liv?",
        "What would I like to change in my life?",
    ),
    q(
        "learn_at_home",
        "Mitä haluan oppia kotona? Esimerkiksi ruoanlaittoa.",
        "Vad vill jag lära mig hemma? Till exempel att laga mat.",
        "What do I want to learn at home? For example cooking.",
    ),
    q(
        "learn_at_work_or_school",
        "Mitä haluan oppia työssä tai koulussa?",
        "Vad vill jag lära mig i arbetet eller i skolan?",
        "What do I want to learn at work or at school?",
    ),
    q(
        "learn_in_free_time",
        "Mitä haluan oppia vapaa-ajalla? Millaisia harrastuksia haluan?",
        "Vad vill jag lära mig på fritiden? Vilka hobbyer vill jag ha?",
        "What do I want to learn in my free time? What hobbies would I like?",
    ),
    q(
        "strengths",
        "Näissä asioissa olen hyvä. Mitkä ovat vahvuuteni?",
        "Det här är jag bra på. Vilka är mina styrkor?",
        "These are the things I am good at. What are my strengths?",
    ),
    q(
        "how_i_decide",
        "Miten teen päätöksiä henkilökohtaisen budjettini käytöstä?",
        "Hur fattar jag beslut om hur min personliga budget används?",
        "How do I make decisions about using my personal budget?",
    ),
    q(
        "risks",
        "Millaisia riskejä suunnitelmassani on? Miten voin vähentää riskejä?",
        "Vilka risker finns det i min plan? Hur kan jag minska dem?",
        "What risks are there in my plan? How can I reduce them?",
    ),
    q(
        "who_supports_me",
        "Kuka tukee minua? Keneltä saan apua?",
        "Vem stöder mig? Vem får jag hjälp av?",
        "Who supports me? Who do I get help from?",
    ),
];

/// Whether `key` names a question of the plan.
pub fn is_known(key: &str) -> bool {
    QUESTIONS.iter().any(|q| q.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_a_unique_key_and_text_in_three_languages() {
        let mut keys: Vec<_> = QUESTIONS.iter().map(|q| q.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), QUESTIONS.len());
        assert!(
            QUESTIONS.iter().all(|q| {
                !q.text.fi.is_empty() && !q.text.sv.is_empty() && !q.text.en.is_empty()
            })
        );
        assert!(is_known("what_matters") && !is_known("favourite_colour"));
    }
}
