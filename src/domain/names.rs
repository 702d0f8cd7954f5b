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
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
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

/// A name as typed and as stored compared without case: NFC, then Unicode lower case
/// (`HAMLET`, `hamlet` and `Hamlet` fold alike; `Ä` typed decomposed folds like `ä`).
pub fn fold(value: &str) -> String {
    // Lower case, plus the foldings lower case misses that people type: `STRASSE` for
    // `Straße`, and Greek final sigma (`ΟΔΟΣ` lowers to `οδοσ`, typed `οδος`).
    nfc(value)
        .to_lowercase()
        .replace('ß', "ss")
        .replace('ς', "σ")
}

/// The one name of `names` that `typed` matches regardless of case, if exactly one does:
/// what a forgiving lookup takes when there is no exact match (two that differ only in case
/// are ambiguous, and none is taken: see [`folded_alike`]).
pub fn unique_folded<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let found = folded_alike(typed, names);
    (found.len() == 1).then(|| found[0])
}

/// Every name of `names` that `typed` matches regardless of case.
pub fn folded_alike<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let folded = fold(typed);
    names.into_iter().filter(|n| fold(n) == folded).collect()
}

/// The refusal (exit 2) for `typed` matching several names of one kind that differ only in
/// case: neither is guessed.
pub fn ambiguous_case(kind: &str, typed: &str, alike: &[&str]) -> crate::error::Error {
    crate::error::Error::invalid(format!(
        "`{typed}` matches {} {kind}s that differ only in case ({}); type it as it is spelled",
        alike.len(),
        alike.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_another_case_is_taken_only_when_unambiguous() {
        let names = ["Stalls", "Dress Circle", "Gala", "GALA", "\u{00C4}rena"];
        assert_eq!(unique_folded("stalls", names), Some("Stalls"));
        assert_eq!(unique_folded("DRESS CIRCLE", names), Some("Dress Circle"));
        // Decomposed and lower case: still the one name.
        assert_eq!(unique_folded("a\u{0308}rena", names), Some("\u{00C4}rena"));
        assert_eq!(unique_folded("gala", names), None);
        assert_eq!(unique_folded("Stall", names), None);
    }

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
            "a\u{2800}b",
            "a\u{E0041}b",
        ] {
            let e = normalize("row", bad).unwrap_err();
            assert!(e.contains("row name") && e.contains("U+"), "{bad:?}: {e}");
        }
        assert_eq!(normalize("row", "Loge 1").unwrap(), "Loge 1");
    }
}
