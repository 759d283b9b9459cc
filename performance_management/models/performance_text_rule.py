import re
import statistics

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools import html2plaintext

# Categories a rule flags; "example_marker" rules flag nothing: they are the words that
# show a text cites an instance ("for example", a month, a weekday).
FLAG_CATEGORIES = (
    ("personality", "Personality"),
    ("gender_masculine", "Masculine-coded"),
    ("gender_feminine", "Feminine-coded"),
    ("absolute", "Absolute"),
    ("vague_praise", "Vague Praise"),
)
# Texts shorter than this (in words) are not asked for an example.
NO_EXAMPLE_MIN_WORDS = 25
# The length check compares with the writer's other texts: at least this many of them,
# and flags under a third or over three times their median.
LENGTH_MIN_HISTORY = 3
LENGTH_RATIO = 3.0
LENGTH_HISTORY_LIMIT = 50
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def _pattern_regex(pattern):
    """The regex of a rule pattern: whole words, case-insensitive, a trailing * per word
    matches any ending ("aggressi*" matches aggressive and aggressively)."""
    words = []
    for word in pattern.strip().split():
        stem = word.rstrip("*")
        words.append(re.escape(stem) + (r"\w*" if word.endswith("*") else ""))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


class PerformanceTextRule(models.Model):
    """A word or phrase the review-text check flags, in one language, with its reason."""

    _name = "performance.text.rule"
    _description = "Review Text Rule"
    _order = "lang, category, pattern"

    lang = fields.Char(
        string="Language",
        required=True,
        default="en",
        help="A language code or its prefix: 'en' applies to en_US and en_GB, 'fr_CA' to "
        "fr_CA only.",
    )
    category = fields.Selection(
        [*FLAG_CATEGORIES, ("example_marker", "Example Marker")],
        required=True,
        help="Example markers flag nothing: a text holding one (or a digit) cites an "
        "instance, so it is not flagged for vague praise or for a missing example.",
    )
    pattern = fields.Char(
        required=True,
        help="A word or phrase, matched as whole words whatever the case; end a word with "
        "* to match its inflections (aggressi* matches aggressive, aggressively).",
    )
    reason = fields.Text(
        translate=True, help="Shown to the writer beside the word: why it is flagged."
    )
    source = fields.Char(help="Where the word list comes from.")
    active = fields.Boolean(default=True)

    _pattern_unique = models.UniqueIndex(
        "(lang, category, lower(pattern))",
        "This word is already in this list for this language.",
    )

    @api.constrains("pattern", "lang")
    def _check_pattern(self):
        for rule in self:
            words = rule.pattern.split()
            if not words or any(not _WORD.search(w) or "*" in w.rstrip("*") for w in words):
                raise ValidationError(
                    self.env._(
                        "The pattern %(pattern)s must hold a word; * may only end a word.",
                        pattern=rule.pattern,
                    )
                )
            if not re.fullmatch(r"[a-z]{2,3}(_[A-Za-z0-9@]+)?", rule.lang.strip()):
                raise ValidationError(
                    self.env._("%(lang)s is not a language code (e.g. en, fr_FR).", lang=rule.lang)
                )

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env.registry.clear_cache()
        return rules

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

    @api.model
    @tools.ormcache("lang")
    def _get_compiled(self, lang):
        """Per category, the rules of the language as one regex and its members.

        Cached per language (and for the reasons, per reading language): a check costs one
        search of each category's regex in the text, whatever the number of words listed.
        """
        prefix = lang.split("_")[0]
        # the reasons in the writer's language when it is installed (else as written)
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        # sudo: the word lists are the same for everyone; check_text checked the reader's
        # access to the model before using them
        rules = (
            self.sudo()
            .with_context(lang=lang if lang in installed else None)
            .search([("lang", "in", (lang, prefix))])
        )
        compiled = {}
        for category in {rule.category for rule in rules}:
            members = rules.filtered(lambda rule, category=category: rule.category == category)
            regexes = tuple(
                (re.compile(_pattern_regex(rule.pattern), re.IGNORECASE), rule.reason or "")
                for rule in members
            )
            combined = re.compile(
                "|".join(f"(?:{_pattern_regex(rule.pattern)})" for rule in members),
                re.IGNORECASE,
            )
            compiled[category] = (combined, regexes)
        return compiled

    @api.model
    def check_text(self, text, lang=None):
        """Flag the wording of a review text: a list of {category, match, reason}.

        Deterministic and offline: each word of the language's lists found in the text (as
        whole words) gives a flag with the list's reason, vague praise only when the text
        cites no instance; a text of some length citing no instance (no digit, no marker such
        as a month, a weekday or "for example") gets a "no_example" flag. HTML is read as text.
        """
        self.browse().check_access("read")
        if text and not isinstance(text, str):
            raise ValidationError(self.env._("Only a text can be checked."))
        text = html2plaintext(text or "") if "<" in (text or "") else (text or "")
        if not text.strip():
            return []
        lang = lang or self.env.lang or "en_US"
        compiled = self._get_compiled(lang)
        has_example = bool(_DIGIT.search(text))
        if not has_example and "example_marker" in compiled:
            has_example = bool(compiled["example_marker"][0].search(text))
        found = []
        seen = set()
        for category, _label in FLAG_CATEGORIES:
            if category not in compiled or (category == "vague_praise" and has_example):
                continue
            combined, regexes = compiled[category]
            for match in combined.finditer(text):
                word = match.group(0)
                key = (category, word.lower())
                if key in seen:
                    continue
                seen.add(key)
                reason = next((r for regex, r in regexes if regex.fullmatch(word)), "")
                found.append(
                    (match.start(), {"category": category, "match": word, "reason": reason})
                )
        found.sort(key=lambda item: item[0])
        flags = [flag for _position, flag in found]
        if not has_example and len(_WORD.findall(text)) >= NO_EXAMPLE_MIN_WORDS:
            flags.append(
                {
                    "category": "no_example",
                    "match": "",
                    "reason": self.env._(
                        "No date, figure or instance is cited: add a moment when you saw it "
                        '("in the March release, ...") so the reader knows what to repeat '
                        "or change."
                    ),
                }
            )
        return flags

    @api.model
    def _check_length(self, text, history):
        """A "length" flag when the text is under a third or over three times the median
        length (in words) of the writer's other texts; none without enough of them."""
        text = html2plaintext(text or "") if "<" in (text or "") else (text or "")
        words = len(_WORD.findall(text))
        if not words or len(history) < LENGTH_MIN_HISTORY:
            return []
        median = statistics.median(history)
        if median and (words * LENGTH_RATIO < median or words > median * LENGTH_RATIO):
            return [
                {
                    "category": "length",
                    "match": "",
                    "reason": self.env._(
                        "This text is far from the length of your other reviews (%(words)s "
                        "words against a median of %(median)s): reviews of very different "
                        "depth are hard to compare.",
                        words=words,
                        median=round(median),
                    ),
                }
            ]
        return []

    @api.model
    def _get_writer_lengths(self, exclude_lines=None, exclude_feedback=None):
        """Lengths in words of the current user's own review answers and given feedback.

        Read with the writer's own rights: record rules decide what counts as his history.
        """
        # sudo: the ids of the user's own employees, to find what he wrote
        employees = self.env.user.sudo().employee_ids.ids
        if not employees:
            return []
        lines = self.env["performance.review.line"].search(
            [
                ("answer", "!=", False),
                ("id", "not in", (exclude_lines or self.env["performance.review.line"]).ids),
                "|",
                "&",
                ("role", "=", "employee"),
                ("employee_id", "in", employees),
                "&",
                ("role", "=", "manager"),
                ("review_id.manager_id", "in", employees),
            ],
            order="id desc",
            limit=LENGTH_HISTORY_LIMIT,
        )
        feedback = self.env["performance.feedback"].search(
            [
                ("author_id", "in", employees),
                ("message", "!=", False),
                ("id", "not in", (exclude_feedback or self.env["performance.feedback"]).ids),
            ],
            order="id desc",
            limit=LENGTH_HISTORY_LIMIT,
        )
        texts = lines.mapped("answer") + [html2plaintext(m) for m in feedback.mapped("message")]
        return [count for count in (len(_WORD.findall(t or "")) for t in texts) if count]

    @api.model
    def _writer_flags(self, text, exclude_lines=None, exclude_feedback=None):
        """The labelled flags of a text being typed on a web page (portal, questionnaire),
        for a writer whose right to write it the caller checked: the word flags in the
        page's language, and the length against his own texts, read with his rights."""
        text = (text or "")[:20000]
        # sudo: the word lists only (portal users and raters through a token do not read
        # the rules); what the writer writes was checked by the caller
        flags = self.sudo().check_text(text, self.env.lang)
        flags += self._check_length(
            text, self._get_writer_lengths(exclude_lines, exclude_feedback)
        )
        labels = dict(self._fields["category"]._description_selection(self.env))
        labels.update(no_example=self.env._("No Example"), length=self.env._("Length"))
        return [{**flag, "label": labels.get(flag["category"], "")} for flag in flags]

    @api.model
    def _render_flags(self, sections):
        """The alert shown beside a form: sections are (title, flags) pairs, empty ones
        dropped; False when nothing is flagged."""
        sections = [(title, flags) for title, flags in sections if flags]
        if not sections:
            return False
        labels = dict(self._fields["category"]._description_selection(self.env))
        labels.update(no_example=self.env._("No Example"), length=self.env._("Length"))
        return self.env["ir.qweb"]._render(
            "performance_management.performance_text_flags",
            {"sections": sections, "labels": labels},
        )

    @api.model
    def _flags_html(self, texts, exclude_lines=None, exclude_feedback=None, lang=None):
        """The alert of the texts a user is writing: texts are (title, text) pairs.

        Each text gets its word flags, and a length flag against the writer's other texts
        (read once, with his rights). False when nothing is flagged or the user may not read
        the rules.
        """
        texts = [(title, text) for title, text in texts if text and text.strip()]
        if not texts or not self.has_access("read"):
            return False
        history = self._get_writer_lengths(exclude_lines, exclude_feedback)
        return self._render_flags(
            (title, self.check_text(text, lang) + self._check_length(text, history))
            for title, text in texts
        )
