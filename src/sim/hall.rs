//! The event's seats as buyers see them: rows in layout order, picked side by side with the
//! `--hot` skew, and the seeded generator that makes every choice reproducible.

use super::notation::Hot;
use crate::domain::Seat;

/// The event's seats, row by row in layout order (front first), for picking.
pub(super) struct Hall {
    rows: Vec<Vec<String>>,
    /// Every seat as (row, index in row), in layout order: the "hot" seats are the first ones.
    flat: Vec<(u32, u32)>,
}

impl Hall {
    pub(super) fn new<'a>(seats: impl IntoIterator<Item = &'a Seat>) -> Hall {
        let seats = seats.into_iter();
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut flat = Vec::with_capacity(seats.size_hint().0);
        let mut last: Option<(&str, &str)> = None;
        for s in seats {
            if last != Some((&s.section, &s.row)) {
                rows.push(Vec::new());
                last = Some((&s.section, &s.row));
            }
            let r = rows.len() - 1;
            let row = &mut rows[r];
            flat.push((r as u32, row.len() as u32));
            row.push(s.label.clone());
        }
        Hall { rows, flat }
    }

    /// `n` side-by-side seats around a seat drawn with the skew: the hot share of buyers pick
    /// among the first (best) fraction of the hall, the rest anywhere.
    pub(super) fn pick(&self, rng: &mut fastrand::Rng, n: usize, hot: Option<Hot>) -> Vec<String> {
        let len = self.flat.len();
        let i = match hot {
            Some(h) if rng.f64() < h.share => {
                rng.usize(..((len as f64 * h.fraction).ceil() as usize).clamp(1, len))
            }
            _ => rng.usize(..len),
        };
        let (r, p) = self.flat[i];
        let row = &self.rows[r as usize];
        let n = n.min(row.len());
        let start = (p as usize).min(row.len() - n);
        row[start..start + n].to_vec()
    }
}

/// A seeded generator per buyer (closed loop) or per arrival (open loop): the same seed gives
/// the same seat choices, skew and decisions whatever the interleaving.
pub(super) fn rng_for(seed: u64, stream: u64) -> fastrand::Rng {
    fastrand::Rng::with_seed(seed ^ stream.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::layout::{Format, Layout};
    use crate::domain::{SeatStatus, seats_for_test};

    fn seats(csv: &str) -> Vec<Seat> {
        let layout = Layout::parse_bytes(csv.as_bytes(), Format::Csv, "t.csv").unwrap();
        seats_for_test(&layout, |_, _| SeatStatus::Available)
    }

    #[test]
    fn picks_side_by_side_within_one_row() {
        let seats = seats("section,row,seat\nA,1,1\nA,1,2\nA,1,3\nA,2,1\nA,2,2\n");
        let hall = Hall::new(&seats);
        assert_eq!(hall.rows.len(), 2);
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..200 {
            let got = hall.pick(&mut rng, 2, None);
            assert_eq!(got.len(), 2);
            let row = &hall.rows[if got[0].starts_with("1-") { 0 } else { 1 }];
            let at = row.iter().position(|l| *l == got[0]).unwrap();
            assert_eq!(row[at + 1], got[1], "{got:?} not adjacent");
        }
        // A party larger than a row gets the whole row rather than spilling over.
        for _ in 0..20 {
            let whole = hall.pick(&mut rng, 5, None);
            assert!(whole == hall.rows[0] || whole == hall.rows[1], "{whole:?}");
        }
    }

    #[test]
    fn hot_buyers_want_the_front() {
        let seats = seats(
            &std::iter::once("section,row,seat".to_string())
                .chain((1..=10).flat_map(|r| (1..=10).map(move |n| format!("A,{r},{n}"))))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let hall = Hall::new(&seats);
        let mut rng = fastrand::Rng::with_seed(1);
        let hot = Some(Hot {
            share: 1.0,
            fraction: 0.1,
        });
        for _ in 0..100 {
            assert!(hall.pick(&mut rng, 1, hot)[0].starts_with("1-"));
        }
        let a: Vec<_> = (0..20)
            .map(|_| hall.pick(&mut rng_for(42, 3), 2, None))
            .collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]), "same seed, same choice");
    }
}
