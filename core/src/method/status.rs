//! Locale-neutral status codes of every method, and their labels in zh / en / ko.

use serde::{Deserialize, Serialize};

use crate::model::label::Lang;

/// The verdict of an assessment method (codes are stable API; see `docs/methods.md`, "Status codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// The target is met (all methods).
    Achieved,
    /// `cn-plan-pace`: completion ahead of time by the margin (快于预期).
    Ahead,
    /// On track (`cn-plan-pace` 基本符合预期, `open-sdg`, `unsd` level 3, `sdsn`).
    OnTrack,
    /// `cn-plan-pace`: behind time beyond the tolerance (滞后).
    Lagging,
    /// `cn-plan-pace`: moving away from the target.
    Regressing,
    /// `eurostat`: significant progress.
    SignificantProgress,
    /// `eurostat`: moderate progress.
    ModerateProgress,
    /// `eurostat`: insufficient progress.
    InsufficientProgress,
    /// `eurostat`: movement away from the target.
    MovementAway,
    /// `eurostat`, no target: moderate movement away.
    ModerateMovementAway,
    /// `eurostat`, no target: significant movement away.
    SignificantMovementAway,
    /// `open-sdg`, `unsd` (level 2): acceleration needed.
    AccelerationNeeded,
    /// `open-sdg`: limited progress.
    LimitedProgress,
    /// `open-sdg`: deterioration.
    Deterioration,
    /// `unsd` level 1: stagnation or regression.
    StagnationOrRegression,
    /// `escap`: maintain progress (on track).
    Maintain,
    /// `escap`: accelerate.
    Accelerate,
    /// `escap`: reverse the trend.
    Reverse,
    /// `destatis`: sun.
    Sun,
    /// `destatis`: slightly cloudy.
    SlightlyCloudy,
    /// `destatis`: cloudy.
    Cloudy,
    /// `destatis`: thunderstorm.
    Thunderstorm,
    /// `sdsn`: moderately improving.
    ModeratelyImproving,
    /// `sdsn`: stagnating.
    Stagnating,
    /// `sdsn`: decreasing.
    Decreasing,
    /// A bound held every year (every method): each observed year of the period meets it.
    Held,
    /// A bound breached in one or more observed years (every method); the years are listed.
    Breached,
    /// No numeric target: monitored and reported only.
    Monitored,
    /// The method cannot judge; a warning says why.
    NotAssessable,
}

/// Every status, for front ends that map them exhaustively.
pub const ALL_STATUSES: &[Status] = &[
    Status::Achieved,
    Status::Ahead,
    Status::OnTrack,
    Status::Lagging,
    Status::Regressing,
    Status::SignificantProgress,
    Status::ModerateProgress,
    Status::InsufficientProgress,
    Status::MovementAway,
    Status::ModerateMovementAway,
    Status::SignificantMovementAway,
    Status::AccelerationNeeded,
    Status::LimitedProgress,
    Status::Deterioration,
    Status::StagnationOrRegression,
    Status::Maintain,
    Status::Accelerate,
    Status::Reverse,
    Status::Sun,
    Status::SlightlyCloudy,
    Status::Cloudy,
    Status::Thunderstorm,
    Status::ModeratelyImproving,
    Status::Stagnating,
    Status::Decreasing,
    Status::Held,
    Status::Breached,
    Status::Monitored,
    Status::NotAssessable,
];

/// How a status reads: good, middling, bad, or not judged. Drives colours and symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tone {
    /// Met or on course.
    Good,
    /// Needs to speed up.
    Fair,
    /// Off course.
    Poor,
    /// Moving the wrong way.
    Bad,
    /// No verdict.
    None,
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
            Status::SignificantProgress => "significant_progress",
            Status::ModerateProgress => "moderate_progress",
            Status::InsufficientProgress => "insufficient_progress",
            Status::MovementAway => "movement_away",
            Status::ModerateMovementAway => "moderate_movement_away",
            Status::SignificantMovementAway => "significant_movement_away",
            Status::AccelerationNeeded => "acceleration_needed",
            Status::LimitedProgress => "limited_progress",
            Status::Deterioration => "deterioration",
            Status::StagnationOrRegression => "stagnation_or_regression",
            Status::Maintain => "maintain",
            Status::Accelerate => "accelerate",
            Status::Reverse => "reverse",
            Status::Sun => "sun",
            Status::SlightlyCloudy => "slightly_cloudy",
            Status::Cloudy => "cloudy",
            Status::Thunderstorm => "thunderstorm",
            Status::ModeratelyImproving => "moderately_improving",
            Status::Stagnating => "stagnating",
            Status::Decreasing => "decreasing",
            Status::Held => "held",
            Status::Breached => "breached",
            Status::Monitored => "monitored",
            Status::NotAssessable => "not_assessable",
        }
    }

    /// The status with this code.
    pub fn from_code(code: &str) -> Option<Status> {
        ALL_STATUSES.iter().copied().find(|s| s.code() == code)
    }

    /// Good, fair, poor or bad.
    pub fn tone(self) -> Tone {
        use Status::*;
        match self {
            Achieved | Ahead | OnTrack | SignificantProgress | Maintain | Sun | Held => Tone::Good,
            ModerateProgress | AccelerationNeeded | Accelerate | SlightlyCloudy | ModeratelyImproving => Tone::Fair,
            Lagging
            | InsufficientProgress
            | LimitedProgress
            | StagnationOrRegression
            | Cloudy
            | Stagnating
            | ModerateMovementAway
            | Breached => Tone::Poor,
            Regressing
            | MovementAway
            | SignificantMovementAway
            | Deterioration
            | Reverse
            | Thunderstorm
            | Decreasing => Tone::Bad,
            NotAssessable | Monitored => Tone::None,
        }
    }

    /// Whether this status counts as "on pace" in roll-ups: a good tone.
    pub fn is_on_pace(self) -> bool {
        self.tone() == Tone::Good
    }

    /// A symbol that carries the verdict without colour (greyscale and colour-blind safe).
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Achieved => "✔",
            Status::Sun => "☀",
            Status::SlightlyCloudy => "🌤",
            Status::Cloudy => "☁",
            Status::Thunderstorm => "⛈",
            Status::Monitored => "◌",
            s => match s.tone() {
                Tone::Good => "▲",
                Tone::Fair => "●",
                Tone::Poor => "▼",
                Tone::Bad => "✖",
                Tone::None => "?",
            },
        }
    }

    /// The label in a language (zh follows Chinese evaluation usage; en and ko are the
    /// project's own wording).
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en, ko) = match self {
            Status::Achieved => ("已实现", "achieved", "달성"),
            Status::Ahead => ("快于预期", "ahead", "예상보다 빠름"),
            Status::OnTrack => ("基本符合预期", "on track", "궤도 위"),
            Status::Lagging => ("滞后", "lagging", "지연"),
            Status::Regressing => ("倒退", "regressing", "후퇴"),
            Status::SignificantProgress => ("显著进展", "significant progress", "상당한 진전"),
            Status::ModerateProgress => ("一般进展", "moderate progress", "보통 진전"),
            Status::InsufficientProgress => ("进展不足", "insufficient progress", "진전 부족"),
            Status::MovementAway => ("偏离目标", "movement away", "목표에서 멀어짐"),
            Status::ModerateMovementAway => ("轻度偏离", "moderate movement away", "다소 멀어짐"),
            Status::SignificantMovementAway => ("显著偏离", "significant movement away", "크게 멀어짐"),
            Status::AccelerationNeeded => ("需要加速", "acceleration needed", "가속 필요"),
            Status::LimitedProgress => ("进展有限", "limited progress", "제한적 진전"),
            Status::Deterioration => ("恶化", "deterioration", "악화"),
            Status::StagnationOrRegression => ("停滞或倒退", "stagnation or regression", "정체 또는 후퇴"),
            Status::Maintain => ("保持进展", "maintain progress", "진전 유지"),
            Status::Accelerate => ("加快进展", "accelerate", "가속"),
            Status::Reverse => ("扭转趋势", "reverse the trend", "추세 반전"),
            Status::Sun => ("晴", "sun", "맑음"),
            Status::SlightlyCloudy => ("少云", "slightly cloudy", "구름 조금"),
            Status::Cloudy => ("多云", "cloudy", "흐림"),
            Status::Thunderstorm => ("雷雨", "thunderstorm", "뇌우"),
            Status::ModeratelyImproving => ("适度改善", "moderately improving", "완만한 개선"),
            Status::Stagnating => ("停滞", "stagnating", "정체"),
            Status::Decreasing => ("下降", "decreasing", "하락"),
            Status::Held => ("守住底线", "held every year", "매년 준수"),
            Status::Breached => ("未守住底线", "breached", "기준 이탈"),
            Status::Monitored => ("监测", "monitored", "모니터링"),
            Status::NotAssessable => ("无法评估", "not assessable", "평가 불가"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
            Lang::Ko => ko,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for s in ALL_STATUSES {
            assert!(seen.insert(s.code()));
            assert_eq!(Status::from_code(s.code()), Some(*s));
            // serde uses the same code.
            assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{}\"", s.code()));
        }
    }
}
