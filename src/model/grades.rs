//! How far a source and a quote can be trusted, after the Admiralty code (NATO's STANAG 2511):
//! a source's reliability (A–F) and a quote's credibility (1–6) are graded apart, so a
//! reliable paper quoting a doubtful defector reads "B5"; and how a quote frames its claim.

use super::vocabulary::vocabulary;

vocabulary! {
    /// A source's reliability on the Admiralty scale: its record, not this one report.
    pub enum Reliability ("reliability") {
        /// Completely reliable: no doubt of authenticity, trustworthiness or competence.
        A = "A",
        /// Usually reliable: minor doubt; a valid record most of the time.
        B = "B",
        /// Fairly reliable: doubt; has given valid information before.
        C = "C",
        /// Not usually reliable: significant doubt; valid information at times.
        D = "D",
        /// Unreliable: lacking authenticity, trustworthiness and competence.
        E = "E",
        /// Cannot be judged: no basis for evaluating the source.
        F = "F",
    }
}

vocabulary! {
    /// A quote's credibility on the Admiralty scale: how likely what it says is true.
    pub enum Credibility ("credibility") {
        /// Confirmed by other sources; logical in itself.
        Confirmed = "1",
        /// Probably true: not confirmed; logical and consistent with other information.
        ProbablyTrue = "2",
        /// Possibly true: not confirmed; reasonably logical, agrees with some other information.
        PossiblyTrue = "3",
        /// Doubtful: not confirmed; possible but not logical, no other information on it.
        Doubtful = "4",
        /// Improbable: not confirmed; not logical, contradicted by other information.
        Improbable = "5",
        /// Cannot be judged: no basis for evaluating the information.
        CannotBeJudged = "6",
    }
}

vocabulary! {
    /// How a quote frames the claims it is attached to. Absent means the source states them.
    pub enum Stance ("stance") {
        /// The source states it as fact, in its own voice or from a record.
        States = "states",
        /// Someone the source quotes asserts it about another (a government, a court, a monitor).
        Alleges = "alleges",
        /// Someone the source quotes says it of themselves (an interviewee, a defector).
        Claims = "claims",
        /// The person or body concerned denies it.
        Denies = "denies",
    }
}

impl Reliability {
    /// The grade in a few words ("usually reliable").
    pub fn words(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }

    /// Whether the grade puts what rests on it in question (E, or F: cannot be judged).
    pub fn is_low(self) -> bool {
        matches!(self, Reliability::E | Reliability::F)
    }
}

impl Credibility {
    /// The grade in a few words ("probably true").
    pub fn words(self) -> &'static str {
        match self {
            Credibility::Confirmed => "confirmed by other sources",
            Credibility::ProbablyTrue => "probably true",
            Credibility::PossiblyTrue => "possibly true",
            Credibility::Doubtful => "doubtful",
            Credibility::Improbable => "improbable",
            Credibility::CannotBeJudged => "truth cannot be judged",
        }
    }

    /// The grade's number, 1 to 6.
    pub fn number(self) -> u8 {
        match self {
            Credibility::Confirmed => 1,
            Credibility::ProbablyTrue => 2,
            Credibility::PossiblyTrue => 3,
            Credibility::Doubtful => 4,
            Credibility::Improbable => 5,
            Credibility::CannotBeJudged => 6,
        }
    }

    /// Whether the grade puts the claim in question (5 improbable, or 6 cannot be judged).
    pub fn is_low(self) -> bool {
        matches!(self, Credibility::Improbable | Credibility::CannotBeJudged)
    }
}

impl Stance {
    /// Whether the quote only reports someone's assertion (alleged or claimed), not a fact
    /// the source stands behind.
    pub fn is_hearsay(self) -> bool {
        matches!(self, Stance::Alleges | Stance::Claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_read_as_the_admiralty_code_writes_them() {
        assert_eq!(Reliability::parse("B"), Some(Reliability::B));
        assert_eq!(Credibility::parse("5").map(Credibility::number), Some(5));
        assert!(Credibility::Improbable.is_low() && !Credibility::Doubtful.is_low());
        assert!(Reliability::F.is_low() && !Reliability::D.is_low());
        assert!(Reliability::A < Reliability::E, "a better grade sorts first");
        assert!(Stance::Claims.is_hearsay() && !Stance::Denies.is_hearsay());
    }
}
