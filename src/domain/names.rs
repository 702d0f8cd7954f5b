//! Names as people see them: one Unicode spelling (NFC) for what looks the same, and no
//! invisible characters that would make two different names print alike.

use unicode_normalization::UnicodeNormalization;

/// Characters that print as nothing (zero-width spaces and joiners, word joiners, the BOM, the
/// soft hyphen) or reorder text (bidirectional controls): inside a name they make two names
/// that look identical differ. Unicode's format characters (category Cf) that matter here.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
    )
}

/// Refuses a `kind` name (section, row, event, customer…) holding a control character or an
/// invisible one, naming the character; then returns it in NFC, the one spelling of a name
/// whatever the keyboard or file produced (Unicode Standard Annex #15).
pub fn normalize(kind: &str, value: &str) -> Result<String, String> {
    if let Some(c) = value.chars().find(|c| c.is_control() || invisible(*c)) {
        let what = if c.is_control() {
            "a control character"
        } else {
            "an invisible character"
        };
        return Err(format!(
            "{kind} name {value:?} contains {what} (U+{:04X})",
            c as u32
        ));
    }
    Ok(value.nfc().collect())
}

/// A typed label, event or section name in NFC, so that it matches what was imported whatever
/// the terminal sent (invisible characters are left for the lookup to reject as unknown).
pub fn nfc(value: &str) -> String {
    value.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_and_precomposed_are_one_name() {
        let nfd = "A\u{0308}";
        assert_eq!(normalize("row", nfd).unwrap(), "\u{00C4}");
        assert_eq!(normalize("row", "\u{00C4}").unwrap(), "\u{00C4}");
        assert_eq!(nfc("Be\u{0301}ziers"), "B\u{00E9}ziers");
    }

    #[test]
    fn invisible_and_control_characters_are_refused() {
        for bad in [
            "A\u{200B}",
            "\u{202E}A",
            "A\u{FEFF}B",
            "A\u{00AD}B",
            "A\u{7}",
        ] {
            let e = normalize("row", bad).unwrap_err();
            assert!(e.contains("row name") && e.contains("U+"), "{bad:?}: {e}");
        }
        assert_eq!(normalize("row", "Loge 1").unwrap(), "Loge 1");
    }
}
