//! Prices: amounts in hundredths of the configured currency (`sales.currency`), parsed from
//! and shown as decimals (`45`, `45.5`, `45.50` → 4550 → `45.00 EUR`), never through floats.

use std::fmt;

use serde::Serialize;

/// The largest price of one seat: 1 000 000 000.00 (the schema's check says the same).
pub const MAX_MINOR: i64 = 100_000_000_000;

/// An amount of money: `minor` hundredths of `currency` (JSON: `{"amount": "45.00",
/// "currency": "EUR", "minor": 4500}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Money {
    /// Two decimals, as shown.
    pub amount: String,
    pub currency: String,
    /// Hundredths of the currency.
    pub minor: i64,
}

impl Money {
    pub fn new(minor: i64, currency: &str) -> Money {
        Money {
            amount: decimal(minor),
            currency: currency.to_string(),
            minor,
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

/// `4550` → `45.50`.
pub fn decimal(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.unsigned_abs();
    format!("{sign}{}.{:02}", m / 100, m % 100)
}

/// A price as typed: a whole number or one with one or two decimals (`.` or `,`), 0 to
/// 1 000 000 000. Errors name what is wrong.
pub fn parse_amount(typed: &str) -> Result<i64, String> {
    let t = typed.trim();
    let bad = || {
        format!("`{typed}` is not a price: write it like 45, 45.5 or 45.50 (at most 2 decimals)")
    };
    let (whole, frac) = match t.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (t, ""),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let too_much = || format!("`{typed}`: a seat's price is at most 1000000000");
    if whole.trim_start_matches('0').len() > 10 {
        return Err(too_much());
    }
    if frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
        || (t.len() > whole.len() && frac.is_empty())
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let frac: i64 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    let minor = whole * 100 + frac;
    if minor > MAX_MINOR {
        return Err(too_much());
    }
    Ok(minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_exactly_and_show_with_two_decimals() {
        assert_eq!(parse_amount("45"), Ok(4500));
        assert_eq!(parse_amount("45.5"), Ok(4550));
        assert_eq!(parse_amount(" 45,05 "), Ok(4505));
        assert_eq!(parse_amount("0"), Ok(0));
        assert_eq!(parse_amount("0.1"), Ok(10));
        for bad in [
            "",
            "-1",
            "4.555",
            "1e3",
            "45.",
            ".5",
            "abc",
            "1 000",
            "99999999999",
        ] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
        assert_eq!(decimal(4505), "45.05");
        assert_eq!(decimal(7), "0.07");
        assert_eq!(Money::new(9000, "EUR").to_string(), "90.00 EUR");
    }
}
