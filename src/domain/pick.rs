//! The pick language: what a clerk types to choose seats (`A-12 A-13`, `A-12..A-15`, `best 4
//! section Stalls accessible 1`) read against the event's seats, and how many one hold may take.

use crate::domain::best::{self, Want};
use crate::domain::{Seat, SeatStatus, labels, no_section};
use crate::error::{Error, Result};

/// How to type a pick, for the clerk and for a usage error.
pub const HOW_TO_PICK: &str = "Seats: labels (A-12 A-13), a range along a row (A-12..A-15), \
    or `best N` with optional `section S`, `category C`, `accessible K`. Empty: back.";

/// Seats chosen from typed text, with a remark about them when there is one.
#[derive(Debug, PartialEq)]
pub struct Picked {
    pub labels: Vec<String>,
    pub remarks: Vec<&'static str>,
    /// For `best N …`: the request itself. `labels` is only a preview; the hold asks for the
    /// best seats again (as `hold --best` does, picking again after a collision).
    pub best: Option<BestAsk>,
}

/// `best N [section S] [category C] [accessible K]` as typed, the section spelled as the
/// event spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BestAsk {
    pub n: usize,
    pub section: Option<String>,
    pub category: Option<String>,
    pub accessible: usize,
}

/// Reads `A-12 A-13`, `A-12..A-15` or `best N [section S] [category C] [accessible K]` against
/// the event's seats. Errors name what is wrong; nothing is held yet.
pub fn pick(text: &str, seats: &[Seat]) -> Result<Picked> {
    let tokens = labels::split_known(text, seats);
    if tokens
        .first()
        .is_some_and(|t| t.eq_ignore_ascii_case("best"))
    {
        return pick_best(&tokens[1..], seats);
    }
    let chosen = labels::expand(&tokens, seats)?;
    if let Some(e) = labels::unknown(&chosen, seats) {
        return Err(e);
    }
    let taken: Vec<String> = chosen
        .iter()
        .filter_map(|l| seats.iter().find(|s| &s.label == l))
        .filter(|s| s.status != SeatStatus::Available)
        .map(|s| format!("{} is {}", s.label, s.status))
        .collect();
    if !taken.is_empty() {
        return Err(Error::conflict(format!(
            "not available: {}",
            taken.join(", ")
        )));
    }
    Ok(Picked {
        labels: chosen,
        remarks: Vec::new(),
        best: None,
    })
}

fn pick_best(args: &[String], seats: &[Seat]) -> Result<Picked> {
    let usage = || Error::invalid(format!("expected `best N`, e.g. `best 4`. {HOW_TO_PICK}"));
    let n: usize = args
        .first()
        .and_then(|a| a.parse().ok())
        .filter(|n| *n > 0)
        .ok_or_else(usage)?;
    // `section Dress Circle category premium`: a value runs to the next keyword.
    let mut options: Vec<(String, Vec<&str>)> = Vec::new();
    for word in &args[1..] {
        match word.to_ascii_lowercase().as_str() {
            key @ ("section" | "category" | "accessible") => {
                options.push((key.to_string(), Vec::new()));
            }
            _ => match options.last_mut() {
                Some((_, value)) => value.push(word),
                None => return Err(usage()),
            },
        }
    }
    let mut pool: Vec<Seat> = seats.to_vec();
    let mut accessible = 0;
    let (mut section, mut category) = (None, None);
    for (key, value) in &options {
        let value = value.join(" ");
        if value.is_empty() {
            return Err(Error::invalid(format!("`{key}` needs a value")));
        }
        match key.as_str() {
            "section" => {
                let names: Vec<&str> = dedup(seats.iter().map(|s| s.section.as_str()));
                let Some(name) = names.iter().find(|s| s.eq_ignore_ascii_case(&value)) else {
                    return Err(no_section(&value, &names));
                };
                pool.retain(|s| s.section == *name);
                section = Some(name.to_string());
            }
            "category" => {
                best::only_category(&mut pool, &value);
                category = Some(value.clone());
            }
            _ => {
                accessible = value.parse().ok().filter(|k| *k <= n).ok_or_else(|| {
                    Error::invalid(format!(
                        "`accessible {value}`: give a number of seats up to {n}"
                    ))
                })?;
            }
        }
    }
    let cands = best::candidates(&pool, Want { n, accessible });
    let Some(p) = best::choose(&cands, 0) else {
        return Err(Error::conflict(format!(
            "no {n} seats{} are available{}",
            if accessible > 0 {
                format!(" side by side with {accessible} accessible")
            } else {
                String::new()
            },
            if options.is_empty() {
                ""
            } else {
                " with those options"
            }
        )));
    };
    Ok(Picked {
        labels: p.labels.clone(),
        remarks: p.remarks(),
        best: Some(BestAsk {
            n,
            section,
            category,
            accessible,
        }),
    })
}

fn dedup<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Fails when `asked` seats are more than one hold may take (`max`, the setting
/// `reservation.max_seats_per_hold`). The one check for `hold` and the box office.
pub fn check_limit(asked: usize, max: usize) -> Result<()> {
    if asked > max {
        return Err(Error::invalid(format!(
            "{asked} seats asked for; one hold may take at most {max} (reservation.max_seats_per_hold)"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::layout::Layout;

    fn hall() -> Vec<Seat> {
        let layout = Layout::from_file(std::path::Path::new("examples/small.csv")).unwrap();
        crate::domain::seats_for_test(&layout, |_, label| {
            if label == "A-1" {
                SeatStatus::Reserved
            } else {
                SeatStatus::Available
            }
        })
    }

    fn labels_of(p: Result<Picked>) -> Vec<String> {
        p.unwrap().labels
    }

    #[test]
    fn typed_picks() {
        let s = hall();
        assert_eq!(labels_of(pick("A-2 A-3", &s)), ["A-2", "A-3"]);
        assert_eq!(labels_of(pick("A-2..A-4", &s)), ["A-2", "A-3", "A-4"]);
        let e = pick("A-1 A-2", &s).unwrap_err();
        assert!(e.to_string().contains("A-1 is reserved"), "{e}");
        let e = pick("A-2 a3", &s).unwrap_err();
        assert!(e.to_string().contains("did you mean `A-3`"), "{e}");
        // best: any pair in row A (A-1 taken) strands a seat; B-1/B-2 are kept for a
        // wheelchair user and companion: B-3 B-4.
        assert_eq!(labels_of(pick("best 2", &s)), ["B-3", "B-4"]);
        assert_eq!(labels_of(pick("best 2 accessible 1", &s)), ["B-1", "B-2"]);
        assert_eq!(
            labels_of(pick("BEST 3 section balcony", &s)),
            ["C-1", "C-2", "C-3"]
        );
        assert_eq!(
            labels_of(pick("best 3 category premium", &s)),
            ["A-2", "A-3", "A-4"]
        );
        for (bad, says) in [
            ("best", "expected `best N`"),
            ("best x", "expected `best N`"),
            ("best 2 section", "needs a value"),
            ("best 2 section Balcny", "did you mean `Balcony`"),
            ("best 2 accessible 3", "up to 2"),
            ("best 11", "no 11 seats"),
        ] {
            let e = pick(bad, &s).unwrap_err();
            assert!(e.to_string().contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn one_hold_takes_at_most_the_limit() {
        assert!(check_limit(1, 1).is_ok());
        assert!(check_limit(10, 10).is_ok());
        let e = check_limit(11, 10).unwrap_err();
        assert!(matches!(e, Error::Invalid(_)), "{e:?}");
        assert_eq!(
            e.to_string(),
            "11 seats asked for; one hold may take at most 10 (reservation.max_seats_per_hold)"
        );
        // Counted after ranges are expanded and after `best N` is chosen, as the box office
        // checks a pick: four seats are over a limit of three however they are typed.
        let s = hall();
        for typed in ["B-1 B-2 B-3 B-4", "B-1..B-4", "best 4"] {
            let picked = pick(typed, &s).unwrap();
            assert_eq!(picked.labels.len(), 4, "{typed}");
            assert!(check_limit(picked.labels.len(), 4).is_ok(), "{typed}");
            let e = check_limit(picked.labels.len(), 3).unwrap_err();
            assert!(
                e.to_string().starts_with("4 seats asked for"),
                "{typed}: {e}"
            );
        }
    }
}
