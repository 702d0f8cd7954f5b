//! Seat labels as people type them: several per line, separated by spaces or commas, with
//! ranges along a row (`A-12..A-15`), and a "did you mean" for the ones that do not exist.

use std::collections::HashSet;

use crate::domain::{Seat, suggest};
use crate::error::Error;

/// Splits typed text into labels: `A-12 A-13`, `A-12, A-13`.
pub fn split(text: &str) -> Vec<String> {
    text.split([' ', ',', '\t'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Splits typed text into labels as [`split`] does, but keeps together words that are one
/// seat's label (`12 bis`, `Loge 3 12`) or a range between two such labels (`12 bis..14 bis`),
/// longest first, and takes a double-quoted string (`"12 bis"`) as one label.
pub fn split_known(text: &str, seats: &[Seat]) -> Vec<String> {
    let known: HashSet<&str> = seats.iter().map(|s| s.label.as_str()).collect();
    let is_label = |t: &str| known.contains(t);
    let fits = |t: &str| {
        is_label(t)
            || t.split_once("..")
                .is_some_and(|(a, b)| is_label(a.trim()) && is_label(b.trim()))
    };
    // Quoted parts first: each is one token, whatever it holds.
    let mut out = Vec::new();
    for (i, part) in text.split('"').enumerate() {
        if i % 2 == 1 {
            if !part.trim().is_empty() {
                out.push(part.trim().to_string());
            }
            continue;
        }
        let words = split(part);
        let mut at = 0;
        while at < words.len() {
            // The longest run of words (at most 6) that is a label or a range of labels.
            let joined = (at + 2..=(at + 6).min(words.len()))
                .rev()
                .map(|end| (end, words[at..end].join(" ")))
                .find(|(_, t)| fits(t));
            match joined {
                Some((end, t)) => {
                    out.push(t);
                    at = end;
                }
                None => {
                    out.push(words[at].clone());
                    at += 1;
                }
            }
        }
    }
    out
}

/// Expands ranges (`A-12..A-15`: every seat of that row from 12 to 15, aisles skipped) against
/// the event's seats, in the order typed. Errors: a label listed twice or a range whose ends
/// are not in one row is `Invalid` (exit 2); a range end that is no seat is `UnknownSeats`
/// (exit 4, with suggestions). Labels outside ranges are not checked here.
pub fn expand(typed: &[String], seats: &[Seat]) -> Result<Vec<String>, Error> {
    expand_with(typed, seats, false)
}

/// As [`expand`], but a seat listed twice (or in two ranges) counts once: for changes that
/// are idempotent per seat (block, unblock).
pub fn expand_set(typed: &[String], seats: &[Seat]) -> Result<Vec<String>, Error> {
    expand_with(typed, seats, true)
}

fn expand_with(typed: &[String], seats: &[Seat], dedup: bool) -> Result<Vec<String>, Error> {
    let mut out: Vec<String> = Vec::with_capacity(typed.len());
    let mut seen = HashSet::new();
    for token in typed {
        let mut push = |label: String| {
            if seen.insert(label.clone()) {
                out.push(label);
                Ok(())
            } else if dedup {
                Ok(())
            } else {
                Err(Error::invalid(format!("seat {label} is listed twice")))
            }
        };
        let Some((from, to)) = token.split_once("..") else {
            push(token.clone())?;
            continue;
        };
        // `A-1 .. A-3`: spaces around the dots are no part of the labels.
        let (from, to) = (from.trim(), to.trim());
        if from.is_empty() || to.is_empty() || to.starts_with('.') {
            return Err(Error::invalid(format!(
                "bad range `{token}`: write it as FIRST..LAST, e.g. A-12..A-15"
            )));
        }
        // An end typed in another case is the one seat it matches (`a-1..a-3`).
        let find = |label: &str| {
            seats.iter().find(|s| s.label == label).or_else(|| {
                let name = crate::domain::names::unique_folded(
                    label,
                    seats.iter().map(|s| s.label.as_str()),
                )?;
                seats.iter().find(|s| s.label == name)
            })
        };
        let ends: Vec<String> = [from, to].iter().map(|s| s.to_string()).collect();
        let (Some(a), Some(b)) = (find(from), find(to)) else {
            return Err(unknown(&ends, seats)
                .unwrap_or_else(|| Error::invalid(format!("bad range `{token}`"))));
        };
        if a.section_pos != b.section_pos || a.row_pos != b.row_pos {
            return Err(Error::invalid(format!(
                "range `{token}`: {from} and {to} are not in the same row"
            )));
        }
        // Along the row as the seats sit (positions, else numbers), from one end to the other.
        let (lo, hi) = (a.pos().min(b.pos()), a.pos().max(b.pos()));
        let mut row: Vec<&Seat> = seats
            .iter()
            .filter(|s| {
                s.section_pos == a.section_pos
                    && s.row_pos == a.row_pos
                    && (lo..=hi).contains(&s.pos())
            })
            .collect();
        row.sort_by_key(|s| s.pos());
        if a.pos() > b.pos() {
            row.reverse();
        }
        for s in row {
            push(s.label.clone())?;
        }
    }
    Ok(out)
}

/// The typed labels with each one that is no seat of the event replaced by the one label it
/// matches regardless of case (`b-5` for `B-5`); `None` when some label matches no seat, or
/// more than one, that way (then [`unknown`] says which).
pub fn resolve_case(typed: &[String], seats: &[Seat]) -> Option<Vec<String>> {
    let known: HashSet<&str> = seats.iter().map(|s| s.label.as_str()).collect();
    typed
        .iter()
        .map(|t| {
            if known.contains(t.as_str()) {
                Some(t.clone())
            } else {
                crate::domain::names::unique_folded(t, seats.iter().map(|s| s.label.as_str()))
                    .map(str::to_string)
            }
        })
        .collect()
}

/// `Error::UnknownSeats` for the typed labels that are not seats of the event, each with the
/// seat it most likely meant ("`a12` (did you mean `A-12`?)") where one is close, and the
/// event's first and last labels as an example; `None` when all are seats.
pub fn unknown(typed: &[String], seats: &[Seat]) -> Option<Error> {
    let known: HashSet<&str> = seats.iter().map(|s| s.label.as_str()).collect();
    // `a12` means `A-12`: compare without case and separators before guessing at typos.
    let bare = |l: &str| -> String {
        l.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let missing: Vec<String> = typed
        .iter()
        .filter(|t| !known.contains(t.as_str()))
        .cloned()
        .collect();
    if missing.is_empty() {
        return None;
    }
    let suggestions = missing
        .iter()
        .filter_map(|t| {
            seats
                .iter()
                .map(|s| s.label.as_str())
                .find(|k| bare(k) == bare(t))
                .or_else(|| suggest(t, seats.iter().map(|s| s.label.as_str())))
                .map(|s| (t.clone(), s.to_string()))
        })
        .collect();
    Some(Error::UnknownSeats {
        labels: missing,
        suggestions,
        first_last: seats
            .first()
            .zip(seats.last())
            .map(|(a, b)| (a.label.clone(), b.label.clone())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SeatStatus;
    use crate::domain::layout::{Format, Layout};

    fn hall() -> Vec<Seat> {
        let csv = "section,row,seat\nS,A,1\nS,A,2\nS,A,4\nS,A,5\nS,B,1\nS,B,2\n";
        let layout = Layout::parse_bytes(csv.as_bytes(), Format::Csv, "t.csv").unwrap();
        crate::domain::seats_for_test(&layout, |_, _| SeatStatus::Available)
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn labels_with_spaces_are_kept_whole() {
        let csv = "section,row,seat\nS,Loge 1,1\nS,Loge 1,2\nS,Loge 1,3\nS,Loge 10,1\nS,A,1\n";
        let layout = Layout::parse_bytes(csv.as_bytes(), Format::Csv, "t.csv").unwrap();
        let s = crate::domain::seats_for_test(&layout, |_, _| SeatStatus::Available);
        assert_eq!(
            split_known("Loge 1-1, Loge 10-1 A-1", &s),
            ["Loge 1-1", "Loge 10-1", "A-1"]
        );
        assert_eq!(
            split_known("Loge 1-1..Loge 1-3", &s),
            ["Loge 1-1..Loge 1-3"]
        );
        assert_eq!(
            expand(&split_known("Loge 1-1..Loge 1-3", &s), &s).unwrap(),
            ["Loge 1-1", "Loge 1-2", "Loge 1-3"]
        );
        assert_eq!(split_known("\"Loge 1-2\" A-1", &s), ["Loge 1-2", "A-1"]);
        assert_eq!(
            expand(&split_known("Loge 1-1 .. Loge 1-2", &s), &s).unwrap(),
            ["Loge 1-1", "Loge 1-2"]
        );
        // Words that make no label stay apart (and are reported as unknown later).
        assert_eq!(split_known("Loge 9-1", &s), ["Loge", "9-1"]);
    }

    #[test]
    fn ranges_expand_along_a_row() {
        let s = hall();
        assert_eq!(split(" A-1, A-2  B-1"), ["A-1", "A-2", "B-1"]);
        assert_eq!(
            expand(&strings(&["A-1..A-5"]), &s).unwrap(),
            ["A-1", "A-2", "A-4", "A-5"]
        );
        assert_eq!(
            expand(&strings(&["B-2..B-1", "A-5"]), &s).unwrap(),
            ["B-2", "B-1", "A-5"]
        );
        let e = expand(&strings(&["A-1..B-2"]), &s).unwrap_err();
        assert!(matches!(e, Error::Invalid(_)), "{e:?}");
        assert!(e.to_string().contains("not in the same row"), "{e}");
        let e = expand(&strings(&["A-2", "A-1..A-2"]), &s).unwrap_err();
        assert!(e.to_string().contains("A-2 is listed twice"), "{e}");
        assert_eq!(
            expand_set(&strings(&["A-2", "A-1..A-2", "A-2"]), &s).unwrap(),
            ["A-2", "A-1"]
        );
        // An unknown range end is an unknown seat (exit 4), with its likely meaning.
        let e = expand(&strings(&["A-1..a5"]), &s).unwrap_err();
        assert!(e.to_string().contains("`a5` (did you mean `A-5`?)"), "{e}");
        assert_eq!(e.details()["labels"], serde_json::json!(["a5"]));
        for bad in ["A-1..", "..A-3", "..", "A-1...A-3"] {
            let e = expand(&strings(&[bad]), &s).unwrap_err();
            assert!(matches!(e, Error::Invalid(_)), "{bad}: {e:?}");
        }
        // Plain labels pass through unchecked: the hold itself checks them.
        assert_eq!(expand(&strings(&["Z-9"]), &s).unwrap(), ["Z-9"]);
    }

    #[test]
    fn unknown_labels_get_a_hint() {
        let s = hall();
        assert!(unknown(&strings(&["A-1", "B-2"]), &s).is_none());
        let e = unknown(&strings(&["A-1", "b2", "Q-77"]), &s)
            .unwrap()
            .to_string();
        assert!(e.contains("`b2` (did you mean `B-2`?)"), "{e}");
        assert!(
            e.contains("`Q-77`") && e.contains("run from `A-1` to `B-2`"),
            "{e}"
        );
        assert!(!e.contains("`A-1`,"), "{e}");
    }
}
