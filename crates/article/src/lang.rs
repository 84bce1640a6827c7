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
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = info.lang().code();
    Some(iso639_1(code).unwrap_or(code).to_string())
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
}
