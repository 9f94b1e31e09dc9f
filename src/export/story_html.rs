//! The story as one self-contained HTML file: each step's figure as inline SVG with its
//! title, caption and cited quotes, and a few lines of script for the arrow keys and the
//! buttons. No fonts, styles or scripts come from elsewhere, so it works offline and inside a
//! newsroom's page: the styles are scoped to the story, the script touches nothing else, and
//! without the script every step is shown one after another.

use std::fmt::Write as _;

use super::story::{StoryInput, quote_source, step_count, step_settings};
use super::svg_figure::figure_svg;
use super::svg_primitives::escape;
use super::{ExportError, parse};
use crate::model::{Emphasis, FigureSettings, StepIx, caption_runs};

/// The styles, all under the story's own class.
const STYLE: &str = include_str!("story.css");
/// The navigation: arrow keys, PageUp and PageDown (presentation clickers), the buttons, and
/// `#step-N` in the address to open at a step.
const SCRIPT: &str = include_str!("story.js");

/// The story as HTML text.
pub fn story_html(input: &StoryInput<'_>, settings: &FigureSettings) -> Result<String, ExportError> {
    if let Some(problem) = settings.problem() {
        return Err(ExportError::Option(problem));
    }
    let case = input.case;
    let steps = &case.story.steps;
    let language = case.info.language.as_deref().unwrap_or("en");
    let title = escape(&case.info.title);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <main class=\"casegraph-story\" id=\"casegraph-story\">\n<header>\n<h1>{title}</h1>\n",
        escape(language)
    );
    if let Some(summary) = &case.info.summary {
        let _ = writeln!(html, "<p class=\"summary\">{}</p>", escape(summary));
    }
    html.push_str("</header>\n");
    for step in StepIx::all(steps.len()) {
        step_section(&mut html, input, settings, step)?;
    }
    let _ = write!(
        html,
        "<nav class=\"story-nav\" hidden>\n<button type=\"button\" data-go=\"previous\">← Previous</button>\n\
         <span class=\"position\" aria-live=\"polite\">1 / {}</span>\n\
         <button type=\"button\" data-go=\"next\">Next →</button>\n</nav>\n</main>\n<script>\n{SCRIPT}</script>\n\
         </body>\n</html>\n",
        steps.len()
    );
    Ok(html)
}

/// One step: its count, title, figure, caption and citations.
fn step_section(
    html: &mut String,
    input: &StoryInput<'_>,
    settings: &FigureSettings,
    step: StepIx,
) -> Result<(), ExportError> {
    let data = &input.case.story.steps[step];
    let number = step.index() + 1;
    let count = step_count(step, input.case.story.steps.len());
    let _ = write!(
        html,
        "<section class=\"step\" id=\"step-{number}\" aria-label=\"{count}\">\n\
         <p class=\"count\">{count}</p>\n<h2>{}</h2>\n<figure>\n",
        escape(&data.title)
    );
    let figure = input.step_figure(data, settings.size.layout_width() as f32);
    let svg = figure_svg(&figure, &step_settings(settings, &figure));
    // The figure is ours; checking it reads as SVG keeps a broken one out of the page.
    parse(&svg)?;
    html.push_str(&with_prefixed_ids(&svg, &format!("step-{number}-")));
    html.push_str("</figure>\n");
    if let Some(caption) = data.caption.as_deref().filter(|caption| !caption.trim().is_empty()) {
        let _ = writeln!(html, "<p class=\"caption\">{}</p>", caption_html(caption));
    }
    let quotes = data.cited_quotes(input.case, input.graph);
    if !quotes.is_empty() {
        html.push_str("<ol class=\"cites\">\n");
        for quote in quotes {
            let text = escape(&input.case.quotes[quote].text);
            let source = escape(&quote_source(input.case, quote));
            let link = input
                .case
                .sources
                .iter()
                .find(|source| source.id == input.case.quotes[quote].source)
                .and_then(|source| source.url.as_deref());
            let cite = match link {
                Some(url) => format!("<a href=\"{}\" rel=\"noopener\">{source}</a>", escape(url)),
                None => source,
            };
            let _ = writeln!(html, "<li><blockquote>{text}</blockquote><cite>{cite}</cite></li>");
        }
        html.push_str("</ol>\n");
    }
    html.push_str("</section>\n");
    Ok(())
}

/// A caption with its emphasis as `em` and `strong`.
fn caption_html(caption: &str) -> String {
    caption_runs(caption)
        .into_iter()
        .map(|run| match run.emphasis {
            Emphasis::Plain => escape(run.text),
            Emphasis::Emphasis => format!("<em>{}</em>", escape(run.text)),
            Emphasis::Strong => format!("<strong>{}</strong>", escape(run.text)),
        })
        .collect()
}

/// `svg` with every id it declares, and every reference to one, starting with `prefix`: the
/// figures of all steps share one page, where an id may appear once. The SVG is ours: ids
/// appear only as `id="…"` and are referred to only as `url(#…)`, and text is escaped, so
/// neither pattern can occur in a label.
fn with_prefixed_ids(svg: &str, prefix: &str) -> String {
    svg.replace(" id=\"", &format!(" id=\"{prefix}")).replace("url(#", &format!("url(#{prefix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_their_references_are_prefixed_together() {
        let svg = r##"<clipPath id="graph"/><g id="links" clip-path="url(#graph)"></g>"##;
        let prefixed = with_prefixed_ids(svg, "step-2-");
        assert!(prefixed.contains(r#"<clipPath id="step-2-graph"/>"#));
        assert!(prefixed.contains(r#"clip-path="url(#step-2-graph)""#));
    }

    #[test]
    fn caption_emphasis_becomes_em_and_strong_and_text_is_escaped() {
        assert_eq!(caption_html("a *b* **c** <d>"), "a <em>b</em> <strong>c</strong> &lt;d&gt;");
    }
}
