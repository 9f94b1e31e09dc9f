//! `story`: the steps of the story, each a view of the case with a title and a caption.

use super::keys::{ObjectKeys, PeriodKey, StepKey, StoryKey};
use super::{Decoder, Read};
use crate::model::json_path::PathRef;
use crate::model::spanned_json::Scanner;
use crate::model::story::{Period, Story, StoryStep};

impl Decoder<'_, '_> {
    pub(super) fn story(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Story> {
        let mut story = Story::default();
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                StoryKey::Steps => story.steps = d.list(s, p, Self::story_step)?,
            }
            Ok(())
        })?;
        if let Some(object) = object {
            self.require_all::<StoryKey>(&object, path);
        }
        Ok(story)
    }

    fn story_step(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<StoryStep>> {
        let mut step = StoryStep::default();
        let mut title = None;
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                StepKey::Title => title = d.text(s, p)?,
                StepKey::Caption => step.caption = d.string(s, p)?,
                StepKey::Camera => step.camera = d.camera(s, p)?,
                StepKey::HiddenKinds => step.hidden_kinds = d.list(s, p, Self::vocabulary)?,
                StepKey::Hidden => step.hidden = d.list(s, p, Self::id)?,
                StepKey::Highlight => step.highlight = d.list(s, p, Self::id)?,
                StepKey::Period => step.period = d.period(s, p)?,
                StepKey::Cites => step.cites = Some(d.list(s, p, Self::id)?),
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<StepKey>(&object, path);
        step.title = title.unwrap_or_default();
        Ok(Some(step))
    }

    fn period(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Period>> {
        let (mut from, mut to) = (None, None);
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                PeriodKey::From => from = d.date(s, p)?,
                PeriodKey::To => to = d.date(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<PeriodKey>(&object, path);
        let (Some(from), Some(to)) = (from, to) else { return Ok(None) };
        if from.is_certainly_after(&to) {
            let message = format!("the period ends ({to}) before it begins ({from})");
            let help = Some("swap `from` and `to`".to_owned());
            self.error(&path.key(PeriodKey::To.name()), object.key_offset(PeriodKey::To), message, help);
            return Ok(None);
        }
        Ok(Some(Period { from, to }))
    }
}
