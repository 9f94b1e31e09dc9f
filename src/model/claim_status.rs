//! How firmly the sources stand behind a claim.

use serde::Serialize;

/// The standing of a link or transaction as the sources describe it. Absent means the
/// source states it plainly. Every value but `completed` and `ongoing` is drawn as a
/// qualified claim (dashed) so a figure never shows an allegation as fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimStatus {
    /// Done: the payment was made, the contract signed.
    Completed,
    /// Still going on when the source was written.
    Ongoing,
    /// Suggested or planned, not (yet) carried out.
    Proposed,
    /// Proposed, then dropped: "in the end, there was no deal".
    Abandoned,
    /// Asserted by a third party, such as a government or a court, and not shown by the source.
    Alleged,
    /// Asserted by someone and denied by the subject.
    Denied,
    /// One party's own account (an interviewee, a defector), not confirmed elsewhere.
    Claimed,
}

impl ClaimStatus {
    /// Every status, in the order legends list them.
    pub const ALL: [ClaimStatus; 7] = [
        ClaimStatus::Completed,
        ClaimStatus::Ongoing,
        ClaimStatus::Proposed,
        ClaimStatus::Abandoned,
        ClaimStatus::Alleged,
        ClaimStatus::Denied,
        ClaimStatus::Claimed,
    ];

    /// The name used in case files.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Completed => "completed",
            ClaimStatus::Ongoing => "ongoing",
            ClaimStatus::Proposed => "proposed",
            ClaimStatus::Abandoned => "abandoned",
            ClaimStatus::Alleged => "alleged",
            ClaimStatus::Denied => "denied",
            ClaimStatus::Claimed => "claimed",
        }
    }

    /// The status named `text`, if any.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// Whether a drawing must mark the claim as not established fact.
    pub fn is_qualified(self) -> bool {
        !matches!(self, ClaimStatus::Completed | ClaimStatus::Ongoing)
    }
}
