//! Building plans and indicators in code. [`Plan`] and [`Indicator`] are `#[non_exhaustive]`:
//! their fields stay public to read and change, but a struct literal outside the crate is not
//! allowed, so a field added in a later release breaks no caller. They are made by
//! [`Plan::new`] / [`Plan::builder`] and [`Indicator::new`] / [`Indicator::builder`] (or read
//! from JSON), each checked by `validate` as a plan file is.

use crate::error::Result;
use crate::model::achievement::Achievement;
use crate::model::indicator::{Baseline, BaselineRevision, Components, Direction, Indicator, Nature};
use crate::model::label::Label;
use crate::model::plan::{Plan, PlanPeriod, ReferenceValue, Source};
use crate::model::project::{KeyField, Project};
use crate::model::target::Target;
use crate::model::unit::Unit;

impl From<&str> for Label {
    /// A label with only the official Chinese text.
    fn from(text: &str) -> Self {
        Label::zh(text)
    }
}

impl From<String> for Label {
    /// A label with only the official Chinese text.
    fn from(text: String) -> Self {
        Label::zh(text)
    }
}

impl PlanPeriod {
    /// The years `start` to `end`, both included.
    pub fn new(start: i32, end: i32) -> Self {
        PlanPeriod { start, end }
    }
}

impl Indicator {
    /// An indicator with what every indicator has, checked ([`Indicator::validate`]). Its
    /// `label` is required and its Chinese text must not be empty (a `&str` or `String` is the
    /// Chinese text; a [`Label`] may add translations). The optional parts are absent: use
    /// [`Indicator::builder`] for them.
    ///
    /// ```
    /// use onpace::{Baseline, Direction, Indicator, Target, Unit};
    /// use rust_decimal::Decimal;
    ///
    /// let rd = Indicator::new(
    ///     "rd-intensity",
    ///     "研发经费投入强度",
    ///     Unit::Percent,
    ///     Direction::Increase,
    ///     Baseline::new(2020, Decimal::new(36, 2)),
    ///     Target::Level { year: 2025, value: Decimal::new(110, 2), comparator: None },
    /// )?;
    /// assert_eq!(rd.label.zh, "研发经费投入强度");
    /// // Ids are checked: 1–64 of a–z, 0–9, `-`, `_`, not starting with `-`.
    /// let bad = Indicator::new("R&D", "x", Unit::Percent, Direction::Increase,
    ///     Baseline::new(2020, Decimal::ONE), Target::None);
    /// assert_eq!(bad.unwrap_err().code(), "invalid_plan");
    /// # Ok::<(), onpace::Error>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        label: impl Into<Label>,
        unit: Unit,
        direction: Direction,
        baseline: Baseline,
        target: Target,
    ) -> Result<Self> {
        Indicator::builder(id, label, unit, direction, baseline, target).build()
    }

    /// A builder: the parts every indicator has, then the optional ones, then
    /// [`IndicatorBuilder::build`], which checks the whole.
    ///
    /// ```
    /// use onpace::{Baseline, Direction, Indicator, Label, Nature, Target, Unit};
    /// use rust_decimal::Decimal;
    ///
    /// let label = Label { en: Some("Surveyed urban unemployment rate".into()), ..Label::zh("城镇调查失业率") };
    /// let jobless = Indicator::builder(
    ///     "urban-unemployment",
    ///     label,
    ///     Unit::Percent,
    ///     Direction::Decrease,
    ///     Baseline::new(2020, Decimal::new(52, 1)),
    ///     Target::None,
    /// )
    /// .nature(Nature::Binding)
    /// .decimals(1)
    /// .build()?;
    /// assert_eq!(jobless.nature, Some(Nature::Binding));
    /// assert_eq!(jobless.display_decimals(), 1);
    /// # Ok::<(), onpace::Error>(())
    /// ```
    pub fn builder(
        id: impl Into<String>,
        label: impl Into<Label>,
        unit: Unit,
        direction: Direction,
        baseline: Baseline,
        target: Target,
    ) -> IndicatorBuilder {
        IndicatorBuilder(Indicator {
            id: id.into(),
            label: label.into(),
            unit,
            direction,
            nature: None,
            baseline,
            baseline_revisions: Vec::new(),
            target,
            decimals: None,
            components: None,
            definition: None,
        })
    }
}

/// Builds an [`Indicator`] ([`Indicator::builder`]).
#[derive(Debug, Clone)]
#[must_use]
pub struct IndicatorBuilder(Indicator);

impl IndicatorBuilder {
    /// Anticipatory or binding.
    pub fn nature(mut self, nature: Nature) -> Self {
        self.0.nature = Some(nature);
        self
    }

    /// A later revision of the baseline (add them oldest first).
    pub fn baseline_revision(mut self, revision: BaselineRevision) -> Self {
        self.0.baseline_revisions.push(revision);
        self
    }

    /// Decimals the plan publishes the indicator with.
    pub fn decimals(mut self, decimals: u32) -> Self {
        self.0.decimals = Some(decimals);
        self
    }

    /// Numerator and denominator, for a ratio indicator.
    pub fn components(mut self, components: Components) -> Self {
        self.0.components = Some(components);
        self
    }

    /// Statistical definition or notes.
    pub fn definition(mut self, definition: impl Into<Label>) -> Self {
        self.0.definition = Some(definition.into());
        self
    }

    /// The indicator, checked ([`Indicator::validate`]).
    pub fn build(self) -> Result<Indicator> {
        self.0.validate("indicator")?;
        Ok(self.0)
    }
}

impl Plan {
    /// A plan with its indicators, checked ([`Plan::validate`]); the base year is the year
    /// before the period, issuer and region are empty. [`Plan::builder`] sets the rest.
    ///
    /// ```
    /// use onpace::{AssessOptions, Baseline, Direction, Indicator, Observation, Plan, PlanPeriod, Target, Unit};
    /// use rust_decimal::Decimal;
    ///
    /// let forest = Indicator::new("forest", "森林覆盖率", Unit::Percent, Direction::Increase,
    ///     Baseline::new(2020, Decimal::new(230, 1)),
    ///     Target::Level { year: 2025, value: Decimal::new(241, 1), comparator: None })?;
    /// let plan = Plan::new("my-plan", "我的规划", PlanPeriod::new(2021, 2025), vec![forest])?;
    /// assert_eq!(plan.base_year, 2020);
    ///
    /// // 23.0 % → 24.1 %; 23.66 % in 2023 (illustrative) is 0.66/1.1 = 60 % done at 3/5 of
    /// // the time: on track.
    /// let mut obs = onpace::PlanObservations::new();
    /// obs.insert("forest".into(), vec![Observation::new(2023, Decimal::new(2366, 2))]);
    /// let evaluation = plan.evaluate(&obs, &AssessOptions::default())?;
    /// assert_eq!(evaluation.rows[0].status.code(), "on_track");
    /// # Ok::<(), onpace::Error>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        title: impl Into<Label>,
        period: PlanPeriod,
        indicators: Vec<Indicator>,
    ) -> Result<Self> {
        Plan::builder(id, title, period).indicators(indicators).build()
    }

    /// A builder: id, title and period, then the rest, then [`PlanBuilder::build`], which
    /// checks the whole.
    ///
    /// ```
    /// use onpace::{Baseline, Direction, Indicator, Plan, PlanPeriod, Target, Unit};
    /// use rust_decimal::Decimal;
    ///
    /// let plan = Plan::builder("county-14", "县十四五规划", PlanPeriod::new(2021, 2025))
    ///     .issuer("县人民政府")
    ///     .region("某县")
    ///     .indicator(Indicator::new("a", "指标甲", Unit::Percent, Direction::Increase,
    ///         Baseline::new(2020, Decimal::ONE), Target::None)?)
    ///     .build()?;
    /// assert_eq!(plan.indicators.len(), 1);
    /// // Checked as a plan file is: a base year after the first plan year is refused.
    /// let late = Plan::builder("p", "p", PlanPeriod::new(2021, 2025)).base_year(2022).build();
    /// assert_eq!(late.unwrap_err().code(), "year_out_of_range");
    /// # Ok::<(), onpace::Error>(())
    /// ```
    pub fn builder(id: impl Into<String>, title: impl Into<Label>, period: PlanPeriod) -> PlanBuilder {
        PlanBuilder(Plan {
            id: id.into(),
            title: title.into(),
            issuer: Label::default(),
            region: Label::default(),
            base_year: period.start.saturating_sub(1),
            period,
            indicators: Vec::new(),
            sources: Vec::new(),
            achievements: Vec::new(),
            projects: Vec::new(),
            key_fields: Vec::new(),
            reference_values: Vec::new(),
        })
    }
}

/// Builds a [`Plan`] ([`Plan::builder`]).
#[derive(Debug, Clone)]
#[must_use]
pub struct PlanBuilder(Plan);

impl PlanBuilder {
    /// The issuing body.
    pub fn issuer(mut self, issuer: impl Into<Label>) -> Self {
        self.0.issuer = issuer.into();
        self
    }

    /// The region covered.
    pub fn region(mut self, region: impl Into<Label>) -> Self {
        self.0.region = region.into();
        self
    }

    /// The base year (by default the year before the period).
    pub fn base_year(mut self, year: i32) -> Self {
        self.0.base_year = year;
        self
    }

    /// One more indicator, after those already given.
    pub fn indicator(mut self, indicator: Indicator) -> Self {
        self.0.indicators.push(indicator);
        self
    }

    /// More indicators, after those already given.
    pub fn indicators(mut self, indicators: impl IntoIterator<Item = Indicator>) -> Self {
        self.0.indicators.extend(indicators);
        self
    }

    /// A source of the plan's figures.
    pub fn source(mut self, source: Source) -> Self {
        self.0.sources.push(source);
        self
    }

    /// An achievement of the previous period.
    pub fn achievement(mut self, achievement: Achievement) -> Self {
        self.0.achievements.push(achievement);
        self
    }

    /// A key project.
    pub fn project(mut self, project: Project) -> Self {
        self.0.projects.push(project);
        self
    }

    /// A key field.
    pub fn key_field(mut self, key_field: KeyField) -> Self {
        self.0.key_fields.push(key_field);
        self
    }

    /// A published figure used by scenarios.
    pub fn reference_value(mut self, value: ReferenceValue) -> Self {
        self.0.reference_values.push(value);
        self
    }

    /// The plan, checked ([`Plan::validate`]).
    pub fn build(self) -> Result<Plan> {
        self.0.validate()?;
        Ok(self.0)
    }
}
