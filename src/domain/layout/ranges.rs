//! The small grammars inside layout fields: seat ranges (`1-8,11-20`), row name ranges
//! (`A-H`, `1-20`), seat numbers and section/row names, each refused with a message for people.

use super::MAX_SEAT_NUMBER;

/// A section or row name as every format must give it: not blank, at most 64 characters, no
/// control or invisible character. (The builder stores it trimmed and in NFC.)
pub(super) fn check_name(kind: &str, value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(format!("empty {kind} name"));
    }
    if value.chars().count() > 64 {
        return Err(format!(
            "{kind} name `{value}` is longer than 64 characters"
        ));
    }
    crate::domain::names::normalize(kind, value)?;
    // `..` makes a range of seats wherever labels are typed (`A-1..A-4`): a name holding it
    // would give seats no one could name.
    if value.contains("..") {
        return Err(format!(
            "{kind} name `{value}` contains `..`, which seat ranges use (A-1..A-4)"
        ));
    }
    Ok(())
}

pub(super) fn parse_seat_number(text: &str) -> Result<u32, String> {
    match text.parse::<u32>() {
        Ok(n) if (1..=MAX_SEAT_NUMBER).contains(&n) => Ok(n),
        _ => Err(format!(
            "seat number `{text}` is not a whole number between 1 and {MAX_SEAT_NUMBER}"
        )),
    }
}

/// `"1-8,11-20"` → `[(1, 8), (11, 20)]`. Overlaps are caught later as duplicate seats.
pub fn parse_ranges(spec: &str) -> Result<Vec<(u32, u32)>, String> {
    if spec.trim().is_empty() {
        return Err("empty row: `seats` lists no seat numbers".into());
    }
    spec.split(',')
        .map(|part| {
            let part = part.trim();
            let (a, z) = match part.split_once('-') {
                Some((a, z)) => (a.trim(), z.trim()),
                None => (part, part),
            };
            let bad = |why: &str| format!("bad seat range `{part}` in `{spec}`: {why}");
            if a.is_empty() || z.is_empty() {
                return Err(bad("expected N or N-M"));
            }
            let first = parse_seat_number(a).map_err(|m| bad(&m))?;
            let last = parse_seat_number(z).map_err(|m| bad(&m))?;
            if first > last {
                return Err(bad("the range runs backwards"));
            }
            Ok((first, last))
        })
        .collect()
}

/// `"A-H,J-P"` → A..H and J..P; `"1-3"` → 1, 2, 3; anything else is taken as one name.
pub(super) fn expand_row_names(spec: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    for part in spec.split(',').map(str::trim) {
        check_name("row", part)?;
        let Some((a, z)) = part.split_once('-') else {
            names.push(part.to_string());
            continue;
        };
        let (a, z) = (a.trim(), z.trim());
        if let (Ok(first), Ok(last)) = (a.parse::<u32>(), z.parse::<u32>()) {
            if first > last || last - first >= 1000 {
                return Err(format!(
                    "bad row range `{part}`: must run forwards, at most 1000 rows"
                ));
            }
            names.extend((first..=last).map(|n| n.to_string()));
            continue;
        }
        let mut a_chars = a.chars();
        let mut z_chars = z.chars();
        match (
            a_chars.next(),
            a_chars.next(),
            z_chars.next(),
            z_chars.next(),
        ) {
            (Some(first), None, Some(last), None)
                if first.is_ascii_alphabetic()
                    && last.is_ascii_alphabetic()
                    && first.is_ascii_uppercase() == last.is_ascii_uppercase()
                    && first <= last =>
            {
                names.extend((first..=last).map(String::from));
            }
            _ => {
                return Err(format!(
                    "bad row range `{part}`: expected letters like `A-H` or numbers like `1-20`"
                ));
            }
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_name_ranges() {
        assert_eq!(expand_row_names("A-C,E").unwrap(), ["A", "B", "C", "E"]);
        assert_eq!(expand_row_names("1-3").unwrap(), ["1", "2", "3"]);
        assert!(expand_row_names("A-3").is_err());
        assert!(expand_row_names("C-A").is_err());
    }

    #[test]
    fn names_that_seat_ranges_would_split_are_refused() {
        let err = check_name("row", "A..B").unwrap_err();
        assert!(err.contains("contains `..`"), "{err}");
        assert!(check_name("row", "A.B").is_ok());
        assert!(check_name("row", " ").is_err());
    }
}
