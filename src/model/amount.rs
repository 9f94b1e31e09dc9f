//! Sums of money as the source gives them: exact decimal text and an ISO 4217 currency.

use serde::Serialize;

use super::codes::Currency;

/// An amount of money. The value is kept as decimal text, never a float, so that
/// "671000.50" is written back exactly as the analyst typed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Amount {
    /// The amount, or the low end of a range ("400" in "$400 to 500").
    pub value: String,
    /// The high end when the source gives a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// The currency.
    pub currency: Currency,
    /// True when the source hedges ("around", "nearly", "some").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

/// Why a string is not a decimal amount.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{text:?} is not a decimal amount; write digits with an optional decimal point, such as \"1000000\" or \"45000.50\"{hint}"
)]
pub struct DecimalError {
    text: String,
    hint: &'static str,
}

/// Checks that `text` is a plain non-negative decimal such as `1000` or `0.75`.
pub fn check_decimal(text: &str) -> Result<(), DecimalError> {
    let (whole, fraction) = text.split_once('.').map_or((text, None), |(w, f)| (w, Some(f)));
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if all_digits(whole) && fraction.is_none_or(all_digits) {
        return Ok(());
    }
    let hint = if text.contains(',') || text.contains(' ') {
        " (no thousands separators)"
    } else if text.starts_with('-') {
        " (amounts are not negative; the direction of the money is in the payer and beneficiary links)"
    } else if text.chars().any(|c| "$€£₽¥₩".contains(c)) {
        " (the currency goes in `currency`)"
    } else {
        ""
    };
    Err(DecimalError { text: text.to_owned(), hint })
}

/// The numeric value of checked decimal text, for comparisons only.
pub fn decimal_value(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_decimals_only() {
        for good in ["0", "1000", "45000.50", "0.75"] {
            assert!(check_decimal(good).is_ok(), "{good}");
        }
        for bad in ["", ".5", "5.", "1e6", "abc", "1.2.3"] {
            assert!(check_decimal(bad).is_err(), "{bad}");
        }
        assert!(check_decimal("1,000").expect_err("comma").to_string().contains("thousands"));
        assert!(check_decimal("-5").expect_err("negative").to_string().contains("not negative"));
        assert!(check_decimal("$5").expect_err("symbol").to_string().contains("currency"));
    }
}
