//! Dates as precise as the source: `2017`, `2017-06` or `2017-06-01`.

use std::fmt;

use serde::{Serialize, Serializer};

/// A date known to the year, the month or the day, as FollowTheMoney writes them. Ordered by
/// its text, so `2017` sorts before `2017-06`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a string is not a [`PartialDate`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD.
    #[error("{0:?} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2017-06-01)")]
    Format(String),
    /// Month outside 1–12.
    #[error("{0:?} has month {1}; months run from 01 to 12")]
    Month(String, u8),
    /// Day outside the month.
    #[error("{text:?} has day {day}, but that month has {days} days")]
    Day {
        /// The date as written.
        text: String,
        /// The day given.
        day: u8,
        /// Days in that month.
        days: u8,
    },
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        _ => 31,
    }
}

fn digits(text: &str) -> Option<u16> {
    if text.bytes().all(|b| b.is_ascii_digit()) { text.parse().ok() } else { None }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let format_error = || DateError::Format(text.to_owned());
        let mut parts = text.split('-');
        let year_text = parts.next().unwrap_or_default();
        let month_text = parts.next();
        let day_text = parts.next();
        if parts.next().is_some() || year_text.len() != 4 {
            return Err(format_error());
        }
        let year = digits(year_text).ok_or_else(format_error)?;
        let two_digits = |part: &str| (part.len() == 2).then(|| digits(part)).flatten().map(|v| v as u8);
        let month = match month_text {
            None => None,
            Some(part) => Some(two_digits(part).ok_or_else(format_error)?),
        };
        let day = match day_text {
            None => None,
            Some(part) => Some(two_digits(part).ok_or_else(format_error)?),
        };
        if let Some(month) = month
            && !(1..=12).contains(&month)
        {
            return Err(DateError::Month(text.to_owned(), month));
        }
        if let (Some(month), Some(day)) = (month, day) {
            let days = days_in_month(year, month);
            if !(1..=days).contains(&day) {
                return Err(DateError::Day { text: text.to_owned(), day, days });
            }
        }
        Ok(Self { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The date as a reader writes it: `6 June 2018`, `June 2018` or `2018`.
    pub fn in_words(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = self.month.and_then(|month| MONTHS.get(usize::from(month).wrapping_sub(1)));
        match (self.day, month) {
            (Some(day), Some(month)) => format!("{day} {month} {}", self.year),
            (None, Some(month)) => format!("{month} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// Whether `self` can lie after `other`: compares only the parts both dates know, so
    /// `2017` is not after `2017-06`.
    pub fn is_certainly_after(&self, other: &Self) -> bool {
        let known = |date: &Self, precision: usize| match precision {
            0 => (date.year, 0, 0),
            1 => (date.year, date.month.unwrap_or(0), 0),
            _ => (date.year, date.month.unwrap_or(0), date.day.unwrap_or(0)),
        };
        let precision = |date: &Self| date.month.map_or(0, |_| 1 + usize::from(date.day.is_some()));
        let common = precision(self).min(precision(other));
        known(self, common) > known(other, common)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A run of whole days, both ends included, counted from 1 January 1970 (negative before).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct DaySpan {
    /// The first day.
    pub first_day: i32,
    /// The last day, never before the first.
    pub last_day: i32,
}

impl DaySpan {
    /// The span from the start of `self` to the end of `other`, or the other way round.
    pub fn cover(self, other: Self) -> Self {
        Self { first_day: self.first_day.min(other.first_day), last_day: self.last_day.max(other.last_day) }
    }

    /// Whether the two share a day.
    pub fn overlaps(self, other: Self) -> bool {
        self.first_day <= other.last_day && other.first_day <= self.last_day
    }

    /// How many days it covers.
    pub fn length_days(self) -> i32 {
        self.last_day - self.first_day + 1
    }
}

/// The day number of a calendar date (days since 1 January 1970), by Howard Hinnant's
/// `days_from_civil`.
pub fn day_number(year: i32, month: u8, day: u8) -> i32 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i32::from(month);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i32::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The calendar date (year, month, day) of a day number, by Howard Hinnant's
/// `civil_from_days`.
pub fn date_of_day(day_number: i32) -> (i32, u8, u8) {
    let shifted = day_number + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u8;
    let month = (if month_index < 10 { month_index + 3 } else { month_index - 9 }) as u8;
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

impl PartialDate {
    /// The days the date covers: `2013` is the whole year, `2013-06` the whole month.
    pub fn days(&self) -> DaySpan {
        let year = i32::from(self.year);
        match (self.month, self.day) {
            (Some(month), Some(day)) => {
                let day = day_number(year, month, day);
                DaySpan { first_day: day, last_day: day }
            }
            (Some(month), None) => DaySpan {
                first_day: day_number(year, month, 1),
                last_day: day_number(year, month, days_in_month(self.year, month)),
            },
            _ => DaySpan { first_day: day_number(year, 1, 1), last_day: day_number(year, 12, 31) },
        }
    }

    /// True when the date is known only to the year or the month.
    pub fn is_partial(&self) -> bool {
        self.day.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_three_precisions_and_prints_them_back() {
        for text in ["2017", "2017-06", "2017-06-01", "2016-02-29", "0999"] {
            assert_eq!(PartialDate::parse(text).expect(text).to_string(), text);
        }
    }

    #[test]
    fn rejects_other_shapes_with_a_reason() {
        for bad in ["17", "2017-6", "2017/06/01", "01.06.2017", "June 2017", "2017-06-01-02", "", "2017-"] {
            assert!(matches!(PartialDate::parse(bad), Err(DateError::Format(_))), "{bad}");
        }
        assert_eq!(PartialDate::parse("2017-13"), Err(DateError::Month("2017-13".into(), 13)));
        assert!(matches!(PartialDate::parse("2017-02-29"), Err(DateError::Day { days: 28, .. })));
        assert!(matches!(PartialDate::parse("2017-04-31"), Err(DateError::Day { days: 30, .. })));
    }

    #[test]
    fn compares_only_what_both_dates_know() {
        let date = |t| PartialDate::parse(t).expect(t);
        assert!(date("2018").is_certainly_after(&date("2017-12-31")));
        assert!(!date("2017").is_certainly_after(&date("2017-06")));
        assert!(!date("2017-06").is_certainly_after(&date("2017")));
        assert!(date("2017-06-02").is_certainly_after(&date("2017-06-01")));
        assert!(!date("2017-06-01").is_certainly_after(&date("2017-06-01")));
    }

    #[test]
    fn day_numbers_match_the_calendar_both_ways() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(1969, 12, 31), -1);
        for day in (-800_000..800_000).step_by(997) {
            let (year, month, day_of_month) = date_of_day(day);
            assert_eq!(day_number(year, month, day_of_month), day);
        }
    }

    #[test]
    fn a_partial_date_covers_its_whole_year_or_month() {
        let days = |text: &str| PartialDate::parse(text).expect("a date").days();
        assert_eq!(days("2016").length_days(), 366);
        assert_eq!(days("2017-02").length_days(), 28);
        assert_eq!(days("2017-02-03").length_days(), 1);
        assert!(days("2017").overlaps(days("2017-12-31")));
        assert!(!days("2017").overlaps(days("2018-01-01")));
        assert!(PartialDate::parse("2017-02").expect("a date").is_partial());
    }
}
