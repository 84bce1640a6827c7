//! Language identification of the clean text.

/// Characters of a text that [`detect`] reads. whatlang's trigram counts take
/// about 400 instructions a character (it was 11% of the whole analysis at
/// 4,000); a few sentences are ample for it.
const SAMPLE_CHARS: usize = 1200;

/// The text's language as ISO 639-1 where one exists (`en`), else ISO 639-3;
/// `None` when the text is too short or too mixed to tell.
pub fn detect(text: &str) -> Option<String> {
    // The first SAMPLE_CHARS characters, borrowed.
    let sample = &text[..text.char_indices().nth(SAMPLE_CHARS).map_or(text.len(), |(b, _)| b)];
    if sample.split_whitespace().count() < 5 {
        return None;
    }
    if plainly_english(sample) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = info.lang().code();
    Some(iso639_1(code).unwrap_or(code).to_string())
}

/// English function words that no other language writes as often: in
/// running English text they are a fifth or more of the words (headlines and
/// names bring it down to about a sixth), and "the" alone one in twenty.
const ENGLISH_MARKERS: &[&str] = &["the", "of", "and", "to", "that", "is", "was", "with", "for", "said", "it", "he", "his", "by"];

/// Whether a sample is English beyond doubt: at least 30 words, an eighth of
/// them [`ENGLISH_MARKERS`] and one in forty "the" (a word no other language
/// writes that often). whatlang's trigram scoring
/// costs about a million instructions a call whatever the length (its
/// profiles of every Latin-script language are scored each time), more than
/// any other stage spends on a short article; this answers for the news it
/// is mostly given in a few thousand, and leaves any doubt to whatlang.
fn plainly_english(sample: &str) -> bool {
    let (mut words, mut markers, mut the) = (0usize, 0usize, 0usize);
    for w in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        if w.len() <= 4 && w.is_ascii() {
            let lower = w.to_ascii_lowercase();
            if ENGLISH_MARKERS.contains(&lower.as_str()) {
                markers += 1;
                the += usize::from(lower == "the");
            }
        }
    }
    words >= 30 && markers * 8 >= words && the * 40 >= words
}

fn iso639_1(code3: &str) -> Option<&'static str> {
    Some(match code3 {
        "eng" => "en", "spa" => "es", "por" => "pt", "fra" => "fr", "deu" => "de", "ita" => "it",
        "rus" => "ru", "ukr" => "uk", "pol" => "pl", "nld" => "nl", "swe" => "sv", "dan" => "da",
        "nob" => "nb", "fin" => "fi", "ces" => "cs", "slk" => "sk", "hun" => "hu", "ron" => "ro",
        "bul" => "bg", "hrv" => "hr", "srp" => "sr", "slv" => "sl", "ell" => "el", "tur" => "tr",
        "ara" => "ar", "heb" => "he", "pes" => "fa", "urd" => "ur", "hin" => "hi", "ben" => "bn",
        "cmn" => "zh", "jpn" => "ja", "kor" => "ko", "vie" => "vi", "tha" => "th", "ind" => "id",
        "cat" => "ca", "lit" => "lt", "lav" => "lv", "est" => "et", "afr" => "af", "epo" => "eo",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_and_russian() {
        assert_eq!(super::detect("The White House declined to comment on Thursday on a news report about the letter.").as_deref(), Some("en"));
        assert_eq!(super::detect("Президент заявил в четверг, что переговоры будут продолжены на следующей неделе.").as_deref(), Some("ru"));
        assert_eq!(super::detect("Hi"), None);
    }

    const ENGLISH: &str = "The White House declined to comment on Thursday on a report that the president had written to the supreme leader. \
        Josh Earnest, the press secretary, said that he was not in a position to discuss any correspondence, and he noted that the talks \
        with Iran were going on in Oman.";

    #[test]
    fn plain_english_is_recognised_without_whatlang() {
        assert!(super::plainly_english(ENGLISH));
        assert_eq!(super::detect(ENGLISH).as_deref(), Some("en"));
    }

    #[test]
    fn other_languages_are_left_to_whatlang() {
        // German with English names and a quoted English phrase in it.
        let de = "Das Weiße Haus wollte sich am Donnerstag nicht zu einem Bericht äußern, wonach der Präsident dem obersten Führer \
            geschrieben habe. Sprecher Josh Earnest sagte, er könne sich zu \"any correspondence\" nicht äußern; die Gespräche mit dem Iran \
            würden in Oman fortgesetzt, und eine Einigung sei bis zum 24. November möglich.";
        assert!(!super::plainly_english(de));
        assert_eq!(super::detect(de).as_deref(), Some("de"));
        let es = "La Casa Blanca se negó el jueves a comentar un informe según el cual el presidente había escrito al líder supremo. \
            El portavoz Josh Earnest dijo que no podía hablar de ninguna correspondencia y señaló que las conversaciones con Irán \
            continúan en Omán, con un plazo que vence el 24 de noviembre.";
        assert!(!super::plainly_english(es));
        assert_eq!(super::detect(es).as_deref(), Some("es"));
        // A table of names and figures is no running text.
        let table = "NEW YORK 1996-08-30 Major League Baseball standings after games played on Thursday ( tabulate under won , lost , \
            winning percentage and games behind ) : AMERICAN LEAGUE EASTERN DIVISION W L PCT GB NEW YORK 74 59 .556 - BALTIMORE 70 63 .526 4";
        assert!(!super::plainly_english(table));
    }
}
