//! Locale-neutral status codes and their labels in zh / en / ko.

use serde::{Deserialize, Serialize};

use crate::model::label::Lang;

/// The verdict of an assessment method (codes are stable API; see METHODS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// The target is met (提前实现).
    Achieved,
    /// Completion ahead of time by the margin (快于预期).
    Ahead,
    /// Completion in line with time (基本符合预期).
    OnTrack,
    /// Completion behind time beyond the tolerance (滞后).
    Lagging,
    /// Moving away from the target (倒退).
    Regressing,
    /// The method cannot judge; a warning says why.
    NotAssessable,
}

impl Status {
    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::Ahead => "ahead",
            Status::OnTrack => "on_track",
            Status::Lagging => "lagging",
            Status::Regressing => "regressing",
            Status::NotAssessable => "not_assessable",
        }
    }

    /// Whether this status counts as "on pace" in roll-ups.
    pub fn is_on_pace(self) -> bool {
        matches!(self, Status::Achieved | Status::Ahead | Status::OnTrack)
    }

    /// The label in a language (zh is the NDRC wording; en and ko are translations).
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Achieved, Lang::Zh) => "已实现",
            (Status::Achieved, Lang::En) => "achieved",
            (Status::Achieved, Lang::Ko) => "달성",
            (Status::Ahead, Lang::Zh) => "快于预期",
            (Status::Ahead, Lang::En) => "ahead",
            (Status::Ahead, Lang::Ko) => "예상보다 빠름",
            (Status::OnTrack, Lang::Zh) => "基本符合预期",
            (Status::OnTrack, Lang::En) => "on track",
            (Status::OnTrack, Lang::Ko) => "대체로 예상 부합",
            (Status::Lagging, Lang::Zh) => "滞后",
            (Status::Lagging, Lang::En) => "lagging",
            (Status::Lagging, Lang::Ko) => "지연",
            (Status::Regressing, Lang::Zh) => "倒退",
            (Status::Regressing, Lang::En) => "regressing",
            (Status::Regressing, Lang::Ko) => "후퇴",
            (Status::NotAssessable, Lang::Zh) => "无法评估",
            (Status::NotAssessable, Lang::En) => "not assessable",
            (Status::NotAssessable, Lang::Ko) => "평가 불가",
        }
    }

    /// A symbol that carries the verdict without colour (greyscale and colour-blind safe).
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Achieved => "✔",
            Status::Ahead => "▲",
            Status::OnTrack => "●",
            Status::Lagging => "▼",
            Status::Regressing => "✖",
            Status::NotAssessable => "?",
        }
    }
}
