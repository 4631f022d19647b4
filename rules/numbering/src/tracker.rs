//! Following the lists of a document, marker by marker, and noting where
//! their numbering goes wrong.
//!
//! Block markers (a paragraph or heading opening with `一、`, `(2)`,
//! `First,`) build a stack of open lists, one per nesting level in use:
//!
//! - a marker whose ordinal follows the last one of an open list continues
//!   it, preferring the deepest list with the same style, then the deepest
//!   of the same [`Family`] (a style change there is mixed styles); the
//!   lists nested deeper are closed;
//! - otherwise an ordinal 1 opens a nested list, or restarts the innermost
//!   list when it has that very style;
//! - any other ordinal is a sibling out of sequence (skipped, repeated,
//!   going back) of the deepest list with its style or family, or, without
//!   one, a list that starts late.
//!
//! The enumerations inside one paragraph (`一是…二是…`, `The second is…`)
//! are a list of their own, checked for gaps and repeats but not for their
//! start: their first item often follows a colon or comma, where no
//! sentence and so no marker starts. A paragraph opening with `一是` that
//! runs on to `三是` leaves its block list at `三是`.
//!
//! Before a gap or a late start is reported, the text it spans is searched
//! for the missing markers written mid-paragraph ([`crate::hidden`]).
//!
//! The stack is emptied at every document ([`Part`]) of the file.

use crate::family::{Family, StyleSet, hierarchy_rank};
use crate::hidden::{find_hidden, first_missing};
use redline_core::document::parse_marker;
use redline_core::{BlockKind, Document, Marker, MarkerStyle, Part, Sentence, Span};

/// More open lists than any document nests; past this the outermost (and
/// longest unused) is forgotten, which bounds the work per marker.
const MAX_OPEN_LISTS: usize = 12;

/// What went wrong with one marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    /// `一、二、四、`: the expected ordinal is nowhere.
    Skipped,
    /// `6、` after `6、`.
    Repeated,
    /// `(5)` after `(7)`: the numbering goes back without restarting.
    OutOfOrder,
    /// `二、` opening a list that has no `一、`.
    StartsLate,
    /// `1、` after `3、` with no heading between: a section heading is
    /// probably missing. Heuristic, reported one severity lower.
    Restarted,
    /// `(2)` after `(a)`: siblings in different marker styles.
    MixedStyle,
    /// `（一）` nested under `1.`: the Chinese hierarchy upside down.
    Hierarchy,
}

/// One problem, with what the finding needs to explain and fix it.
#[derive(Debug, Clone, Copy)]
pub struct Issue {
    pub kind: IssueKind,
    /// The marker at fault.
    pub span: Span,
    /// Its item, when the marker is one (a run-on marker is not).
    pub item: Option<usize>,
    /// The item it is compared with: the previous sibling, or the parent
    /// item for [`IssueKind::Hierarchy`].
    pub previous: Option<usize>,
    /// The ordinal that belongs here.
    pub expected: u32,
}

/// A marker placed in a list.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    pub marker: Marker,
    /// The next sibling in the same list, once known.
    pub next: Option<usize>,
    /// Some issue is reported at this marker; a fix renumbering the items
    /// before it stops there.
    pub flagged: bool,
}

/// Which checks run.
#[derive(Debug, Clone, Copy)]
pub struct Checks {
    pub mixed_styles: bool,
    pub hierarchy: bool,
    pub restarts: bool,
    pub inline_lists: bool,
}

#[derive(Debug, Clone, Copy)]
struct OpenList {
    family: Family,
    styles: StyleSet,
    first_item: usize,
    last_item: usize,
    last_ordinal: u32,
    /// Block of the last item, to look for a heading between it and a
    /// restart.
    last_block: usize,
}

/// How a marker that does not simply follow fits its list.
enum Placement {
    /// Take it as the next item anyway; `check_style` when no issue was
    /// reported for it.
    Extend { check_style: bool },
    /// A list restarted before it (at a run-on `1`): it opens a new one.
    Reopen,
}

pub struct Tracker<'a, 'd> {
    document: &'a Document<'d>,
    checks: Checks,
    pub items: Vec<Item>,
    pub issues: Vec<Issue>,
    stack: Vec<OpenList>,
    /// End of the latest block marker of the current part: a list starting
    /// late may have its first items run on in the text after it.
    last_block_marker_end: usize,
    /// The last ordinal of the latest closed list of each style in the
    /// current part, indexed by [`style_index`]: some documents number the
    /// `（一）` items of every section on from the previous section.
    closed_last: [u32; STYLE_COUNT],
}

/// More than the number of [`MarkerStyle`] variants.
const STYLE_COUNT: usize = 32;

fn style_index(style: MarkerStyle) -> usize {
    style as usize % STYLE_COUNT
}

impl<'a, 'd> Tracker<'a, 'd> {
    /// Follows every list of `document`.
    pub fn run(document: &'a Document<'d>, checks: Checks) -> Self {
        let mut tracker = Tracker {
            document,
            checks,
            items: Vec::new(),
            issues: Vec::new(),
            stack: Vec::new(),
            last_block_marker_end: 0,
            closed_last: [0; STYLE_COUNT],
        };
        for part in document.parts() {
            tracker.begin_part(part);
            for block in part.blocks.clone() {
                if let Some(marker) = document.blocks()[block].marker {
                    tracker.block_marker(block, marker);
                }
                if checks.inline_lists {
                    let enumeration = tracker.inline_markers(block);
                    tracker.adopt_enumeration(enumeration);
                }
            }
        }
        tracker
    }

    fn begin_part(&mut self, part: &Part) {
        self.stack.clear();
        self.closed_last = [0; STYLE_COUNT];
        self.last_block_marker_end = self.document.blocks()[part.blocks.start].span.start;
    }

    fn block_marker(&mut self, block: usize, marker: Marker) {
        let Some(family) = Family::of(marker.style) else {
            return;
        };
        let item = self.add_item(marker);
        let since_last_block_marker = Span::new(self.last_block_marker_end, marker.span.start);
        self.last_block_marker_end = marker.span.end;

        if let Some((depth, same_style)) = self.continued_list(marker, family) {
            if same_style || !self.opens_run_on_list(self.stack[depth], marker, family) {
                self.close_above(depth);
                self.extend(depth, item, block, true);
                return;
            }
            self.open(family, item, block);
            return;
        }
        if marker.ordinal == 1 {
            let restarts_innermost = self
                .stack
                .last()
                .is_some_and(|innermost| innermost.styles.contains(marker.style));
            if restarts_innermost {
                let ended = *self.stack.last().expect("the innermost list exists");
                self.close_from(self.stack.len() - 1);
                if !self.introduced_between(ended.last_block, block) {
                    // `1、` twice in a row is a repeat, not a new list.
                    let kind = if ended.last_ordinal == 1 {
                        IssueKind::Repeated
                    } else {
                        IssueKind::Restarted
                    };
                    self.report(
                        kind,
                        marker.span,
                        Some(item),
                        Some(ended.last_item),
                        ended.last_ordinal + 1,
                    );
                }
            }
            self.open(family, item, block);
            return;
        }
        if let Some(depth) = self.sibling_list(marker, family) {
            match self.place_out_of_sequence(self.stack[depth], item, family) {
                Placement::Extend { check_style } => {
                    self.close_above(depth);
                    self.extend(depth, item, block, check_style);
                }
                Placement::Reopen => {
                    self.close_above(depth);
                    self.close_from(depth);
                    self.open(family, item, block);
                }
            }
            return;
        }
        let numbered_on = self.closed_last[style_index(marker.style)] + 1 == marker.ordinal;
        let text = self.document.text();
        if !numbered_on
            && let Some(expected) =
                first_missing(text, since_last_block_marker, family, 1, marker.ordinal)
        {
            self.report(
                IssueKind::StartsLate,
                marker.span,
                Some(item),
                None,
                expected,
            );
        }
        self.open(family, item, block);
    }

    /// A paragraph opening with `一是` that goes on `…二是…三是` inside
    /// is items one to three of its list: the next paragraph may go on
    /// with `四是`.
    fn adopt_enumeration(&mut self, enumeration: Option<OpenList>) {
        let Some(enumeration) = enumeration else {
            return;
        };
        let Some(innermost) = self.stack.last_mut() else {
            return;
        };
        let opens_with_the_item = self.items[enumeration.first_item].marker.span
            == self.items[innermost.last_item].marker.span;
        if opens_with_the_item && enumeration.last_item != enumeration.first_item {
            innermost.last_item = enumeration.last_item;
            innermost.last_ordinal = enumeration.last_ordinal;
        }
    }

    /// The enumeration inside one block: its sentence markers, and `First,`
    /// opening a later sentence. Returns the list it ends with.
    fn inline_markers(&mut self, block: usize) -> Option<OpenList> {
        let document = self.document;
        let sentences = document.block_sentences(&document.blocks()[block]);
        let mut list: Option<OpenList> = None;
        for (position, sentence) in sentences.iter().enumerate() {
            let marker = match sentence.marker {
                Some(marker) => marker,
                None if position > 0 => match english_ordinal_opening(document, sentence) {
                    Some(marker) => marker,
                    None => continue,
                },
                None => continue,
            };
            let Some(family) = Family::of(marker.style) else {
                continue;
            };
            let item = self.add_item(marker);
            let current = match &mut list {
                Some(current) if current.family == family => current,
                _ => {
                    list = Some(OpenList::starting(family, item, marker, block));
                    continue;
                }
            };
            if marker.ordinal == current.last_ordinal + 1 {
                link(&mut self.items, current, item, block);
            } else if marker.ordinal == 1 {
                self.report(
                    IssueKind::Restarted,
                    marker.span,
                    Some(item),
                    Some(current.last_item),
                    current.last_ordinal + 1,
                );
                *current = OpenList::starting(family, item, marker, block);
            } else {
                match self.place_out_of_sequence(*current, item, family) {
                    Placement::Extend { .. } => {
                        link(&mut self.items, current, item, block);
                    }
                    Placement::Reopen => {
                        *current = OpenList::starting(family, item, marker, block);
                    }
                }
            }
        }
        list
    }

    /// Judges `item`, a sibling in `list` whose ordinal neither follows
    /// nor is 1, after looking for markers run on in the text before it.
    fn place_out_of_sequence(&mut self, list: OpenList, item: usize, family: Family) -> Placement {
        let text = self.document.text();
        let marker = self.items[item].marker;
        let previous = list.last_item;
        let between = Span::new(self.items[previous].marker.span.end, marker.span.start);
        let expected = list.last_ordinal + 1;
        if marker.ordinal > expected {
            let missing = first_missing(text, between, family, expected, marker.ordinal);
            let reported = missing.is_some_and(|missing| {
                self.report(
                    IssueKind::Skipped,
                    marker.span,
                    Some(item),
                    Some(previous),
                    missing,
                )
            });
            return Placement::Extend {
                check_style: !reported,
            };
        }
        // `二是…：一是…二是`: a nested list restarted at a run-on `一是`.
        if let Some(restart) = find_hidden(text, between, family, 1) {
            self.report(
                IssueKind::Restarted,
                restart,
                None,
                Some(previous),
                expected,
            );
            return Placement::Reopen;
        }
        let kind = if marker.ordinal == list.last_ordinal {
            IssueKind::Repeated
        } else {
            IssueKind::OutOfOrder
        };
        self.report(kind, marker.span, Some(item), Some(previous), expected);
        Placement::Extend { check_style: false }
    }

    /// The open list `marker` continues: the deepest whose last ordinal it
    /// follows, in its own style first (then `true`), else in its family.
    fn continued_list(&self, marker: Marker, family: Family) -> Option<(usize, bool)> {
        let follows = |list: &OpenList| list.last_ordinal + 1 == marker.ordinal;
        let same_style = self
            .stack
            .iter()
            .rposition(|list| follows(list) && list.styles.contains(marker.style));
        same_style.map(|depth| (depth, true)).or_else(|| {
            self.stack
                .iter()
                .rposition(|list| follows(list) && list.family == family)
                .map(|depth| (depth, false))
        })
    }

    /// Whether `marker`, in another style than `list`, is rather the second
    /// item of a list nested in the last item of `list`, whose first item
    /// runs on in that item's paragraph: `1.…：①…；` then `②…`.
    fn opens_run_on_list(&self, list: OpenList, marker: Marker, family: Family) -> bool {
        let parent_end = self.document.blocks()[list.last_block].span.end;
        let start = self.items[list.last_item].marker.span.end;
        let end = parent_end.min(marker.span.start);
        start < end && find_hidden(self.document.text(), Span::new(start, end), family, 1).is_some()
    }

    /// The open list `marker` is a sibling in, whatever its ordinal.
    fn sibling_list(&self, marker: Marker, family: Family) -> Option<usize> {
        self.stack
            .iter()
            .rposition(|list| list.styles.contains(marker.style))
            .or_else(|| self.stack.iter().rposition(|list| list.family == family))
    }

    /// Whether a new (unnumbered) parent stands between two blocks: a title
    /// line, or a paragraph ending in a colon (`下步主要工作:`), so that a
    /// list starting again at 1 after it is a new list.
    fn introduced_between(&self, from_block: usize, to_block: usize) -> bool {
        let blocks = self.document.blocks();
        blocks[(from_block + 1).min(to_block)..to_block]
            .iter()
            .any(|block| {
                block.marker.is_none()
                    && (block.kind == BlockKind::Heading
                        || self
                            .document
                            .slice(block.span)
                            .trim_end()
                            .ends_with([':', '：']))
            })
    }

    /// Closes the lists nested deeper than `depth`, whose parent list goes
    /// on. That confirms the list right inside really was nested in the
    /// parent's last item, so this is where the hierarchy is judged.
    fn close_above(&mut self, depth: usize) {
        if let Some(&child) = self.stack.get(depth + 1) {
            let parent_item = self.stack[depth].last_item;
            let child_marker = self.items[child.first_item].marker;
            let parent_marker = self.items[parent_item].marker;
            let upside_down = matches!(
                (hierarchy_rank(child_marker.style), hierarchy_rank(parent_marker.style)),
                (Some(child_rank), Some(parent_rank)) if child_rank < parent_rank
            );
            if upside_down && !self.items[child.first_item].flagged {
                self.report(
                    IssueKind::Hierarchy,
                    child_marker.span,
                    Some(child.first_item),
                    Some(parent_item),
                    child_marker.ordinal,
                );
            }
        }
        self.close_from(depth + 1);
    }

    /// Closes the lists from `depth` on, remembering where each ended.
    fn close_from(&mut self, depth: usize) {
        for list in self.stack.drain(depth.min(self.stack.len())..) {
            let last = self.items[list.last_item].marker;
            self.closed_last[style_index(last.style)] = last.ordinal;
        }
    }

    fn extend(&mut self, depth: usize, item: usize, block: usize, check_style: bool) {
        let previous = self.stack[depth].last_item;
        let new_style = link(&mut self.items, &mut self.stack[depth], item, block);
        if check_style && new_style {
            let marker = self.items[item].marker;
            self.report(
                IssueKind::MixedStyle,
                marker.span,
                Some(item),
                Some(previous),
                marker.ordinal,
            );
        }
    }

    fn open(&mut self, family: Family, item: usize, block: usize) {
        if self.stack.len() == MAX_OPEN_LISTS {
            let outermost = self.stack.remove(0);
            let last = self.items[outermost.last_item].marker;
            self.closed_last[style_index(last.style)] = last.ordinal;
        }
        let marker = self.items[item].marker;
        self.stack
            .push(OpenList::starting(family, item, marker, block));
    }

    fn add_item(&mut self, marker: Marker) -> usize {
        self.items.push(Item {
            marker,
            next: None,
            flagged: false,
        });
        self.items.len() - 1
    }

    /// Records an issue unless its check is switched off; returns whether
    /// it was recorded.
    fn report(
        &mut self,
        kind: IssueKind,
        span: Span,
        item: Option<usize>,
        previous: Option<usize>,
        expected: u32,
    ) -> bool {
        let enabled = match kind {
            IssueKind::MixedStyle => self.checks.mixed_styles,
            IssueKind::Hierarchy => self.checks.hierarchy,
            IssueKind::Restarted => self.checks.restarts,
            IssueKind::Skipped
            | IssueKind::Repeated
            | IssueKind::OutOfOrder
            | IssueKind::StartsLate => true,
        };
        if enabled {
            if let Some(item) = item {
                self.items[item].flagged = true;
            }
            self.issues.push(Issue {
                kind,
                span,
                item,
                previous,
                expected,
            });
        }
        enabled
    }
}

impl OpenList {
    fn starting(family: Family, item: usize, marker: Marker, block: usize) -> Self {
        OpenList {
            family,
            styles: StyleSet::of(marker.style),
            first_item: item,
            last_item: item,
            last_ordinal: marker.ordinal,
            last_block: block,
        }
    }
}

/// Appends `item` to `list`; returns whether its style is new there.
fn link(items: &mut [Item], list: &mut OpenList, item: usize, block: usize) -> bool {
    let marker = items[item].marker;
    items[list.last_item].next = Some(item);
    let new_style = !list.styles.contains(marker.style);
    list.styles.insert(marker.style);
    list.last_item = item;
    list.last_ordinal = marker.ordinal;
    list.last_block = block;
    new_style
}

/// `Second, …` opening a sentence inside a paragraph. The document model
/// records only `The second is` there; English writers alternate both in
/// one enumeration (`First, … The second is … Fourth, …`).
fn english_ordinal_opening(document: &Document<'_>, sentence: &Sentence) -> Option<Marker> {
    let text = document.slice(sentence.span);
    if !may_open_with_ordinal_word(text.as_bytes()) {
        return None;
    }
    parse_marker(text)
        .filter(|marker| marker.style == MarkerStyle::EnglishOrdinal)
        .map(|marker| Marker {
            span: marker.span.shift(sentence.span.start),
            ..marker
        })
}

/// A cheap look at a sentence opening before asking the marker parser:
/// most English sentences open with `The`, `In` or `We`, never with a word
/// of five to thirteen letters right before a comma.
fn may_open_with_ordinal_word(text: &[u8]) -> bool {
    // Every ordinal word from `First` to `Twentieth` starts with one of these.
    if !matches!(text.first(), Some(b'F' | b'S' | b'T' | b'E' | b'N')) {
        return false;
    }
    // `Fifth` to `Seventeenthly`.
    let word_len = text
        .iter()
        .take(14)
        .take_while(|byte| byte.is_ascii_alphabetic())
        .count();
    // `,` or the lead byte of a full-width `，`.
    (5..=13).contains(&word_len) && matches!(text.get(word_len), Some(b',' | 0xEF))
}
