//! Country and currency code lists, so a slip such as `KP` for `kp` or `usd` for `USD` is
//! caught on load rather than printed in a published figure.

use std::fmt;
use std::sync::LazyLock;

use compact_str::CompactString;
use rustc_hash::FxHashSet;

use serde::Serialize;

/// ISO 3166-1 alpha-2, lowercase, plus FollowTheMoney's `xk` (Kosovo) and `zz` (global).
const COUNTRIES: &str = "ad ae af ag ai al am ao aq ar as at au aw ax az \
ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz \
ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz \
de dj dk dm do dz ec ee eg eh er es et fi fj fk fm fo fr \
ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy \
hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp \
ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly \
ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz \
na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa \
re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz \
tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz \
va vc ve vg vi vn vu wf ws ye yt za zm zw xk zz";

/// ISO 4217 codes in use, plus withdrawn ones that older cases cite (`RUR`, `SUR`, `DEM`…).
const CURRENCIES: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND \
BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK \
DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR \
ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD \
MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB \
PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP \
STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES \
VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR \
ZMW ZWG ZWL \
ATS BEF BYR CYP DEM EEK ESP FIM FRF GRD HRK IEP ITL LTL LVL MRO MTL NLG PTE RUR SIT SKK STD \
SUR TMM VEB VEF ZWD";

/// Whether `code` is a listed country; looked up for every country in a case, so the list
/// becomes a hash set on first use.
fn is_country(code: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| COUNTRIES.split_ascii_whitespace().collect());
    SET.contains(code)
}

/// Whether `code` is a listed currency.
fn is_currency(code: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| CURRENCIES.split_ascii_whitespace().collect());
    SET.contains(code)
}

/// Whether `code` is one of the space-separated words of `list`; in a constant, worked out
/// when compiling.
const fn lists(list: &str, code: &str) -> bool {
    let (list, code) = (list.as_bytes(), code.as_bytes());
    let mut start = 0;
    while start < list.len() {
        let mut end = start;
        while end < list.len() && list[end] != b' ' {
            end += 1;
        }
        if end - start == code.len() {
            let mut same = 0;
            while same < code.len() && list[start + same] == code[same] {
                same += 1;
            }
            if same == code.len() {
                return true;
            }
        }
        start = end + 1;
    }
    false
}

/// " (did you mean …?)" when only the letter case of `text` is wrong.
fn recased_hint(text: &str, recased: String, listed: fn(&str) -> bool) -> Option<String> {
    (recased != text && listed(&recased)).then(|| format!(" (did you mean {recased:?}?)"))
}

/// A lowercase ISO 3166-1 alpha-2 country code.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Country(CompactString);

/// Why a string is not a known [`Country`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a country code; use lowercase ISO 3166-1 alpha-2 codes such as \"ru\" or \"kp\"{hint}")]
pub struct CountryError {
    text: String,
    hint: String,
}

impl Country {
    /// The country `code`, for codes written in the program; an unlisted one fails to compile
    /// where it is used in a constant.
    pub const fn known(code: &'static str) -> Self {
        assert!(lists(COUNTRIES, code), "not a listed country code");
        Self(CompactString::const_new(code))
    }

    /// Checks `text` against the list.
    pub fn parse(text: &str) -> Result<Self, CountryError> {
        if is_country(text) {
            return Ok(Self(CompactString::from(text)));
        }
        let hint = recased_hint(text, text.to_ascii_lowercase(), is_country).unwrap_or_default();
        Err(CountryError { text: text.to_owned(), hint })
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An ISO 4217 currency code, uppercase.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Currency(CompactString);

/// Why a string is not a known [`Currency`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not an ISO 4217 currency code such as \"USD\" or \"RUB\"{hint}")]
pub struct CurrencyError {
    text: String,
    hint: String,
}

impl Currency {
    /// The currency `code`, for codes written in the program; an unlisted one fails to
    /// compile where it is used in a constant.
    pub const fn known(code: &'static str) -> Self {
        assert!(lists(CURRENCIES, code), "not a listed currency code");
        Self(CompactString::const_new(code))
    }

    /// Checks `text` against the list.
    pub fn parse(text: &str) -> Result<Self, CurrencyError> {
        if is_currency(text) {
            return Ok(Self(CompactString::from(text)));
        }
        let symbol =
            matches!(text, "$" | "€" | "£" | "₽" | "¥" | "₩").then(|| " (write the code, not the symbol)".to_owned());
        let hint = recased_hint(text, text.to_ascii_uppercase(), is_currency).or(symbol).unwrap_or_default();
        Err(CurrencyError { text: text.to_owned(), hint })
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_have_the_expected_sizes_and_no_duplicates() {
        let countries: Vec<_> = COUNTRIES.split_ascii_whitespace().collect();
        assert_eq!(countries.len(), 249 + 2);
        let mut sorted = countries.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), countries.len());
        assert!(countries.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase())));
        let currencies: Vec<_> = CURRENCIES.split_ascii_whitespace().collect();
        let mut sorted = currencies.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), currencies.len());
        assert!(currencies.iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn the_lists_read_at_compile_time_agree_with_the_sets() {
        for code in COUNTRIES.split_ascii_whitespace() {
            assert!(lists(COUNTRIES, code) && is_country(code), "{code}");
        }
        for code in ["k", "kpx", "", "xx", "KP"] {
            assert!(!lists(COUNTRIES, code) && !is_country(code), "{code:?}");
        }
        assert!(lists(CURRENCIES, "VEF") && lists(CURRENCIES, "AED") && !lists(CURRENCIES, "ZZZ"));
        assert_eq!(Country::known("kp"), Country::parse("kp").expect("listed"));
    }

    #[test]
    fn suggests_the_right_case() {
        assert!(Country::parse("kp").is_ok());
        assert!(Country::parse("KP").expect_err("upper").to_string().contains("did you mean \"kp\""));
        assert!(Country::parse("xx").is_err());
        assert!(Currency::parse("RUB").is_ok());
        assert!(Currency::parse("usd").expect_err("lower").to_string().contains("did you mean \"USD\""));
        assert!(Currency::parse("$").expect_err("symbol").to_string().contains("not the symbol"));
    }
}
