"""The French, German, Spanish and Dutch translations: complete, faithful to their
placeholders and markup, and accepted by Odoo's own loader."""

import re

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationImporter

LANGS = {"fr": "fr_FR", "de": "de_DE", "es": "es_ES", "nl": "nl_NL"}
MIN_COVERAGE = 0.95
# %(name)s, %s, %d, %%, {{ expr }}, {name}, ${expr}
PLACEHOLDER = re.compile(
    r"%\([a-z_]+\)[sd]|%[sd]|%%|\{\{.*?\}\}|\{[a-z_]+\}|\$\{[^}]*\}", re.DOTALL
)
TAG = re.compile(r"<[^>]+>")
# attributes whose value is text for people, translated like the rest
HUMAN_ATTRIBUTE = re.compile(r'\b(?:title|aria-label|placeholder|alt)="[^"]*"')


def _i18n(name):
    return file_path(f"performance_management/i18n/{name}")


def _tags(text):
    return sorted(HUMAN_ATTRIBUTE.sub("", tag) for tag in TAG.findall(text))


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pot = polib.pofile(_i18n("performance_management.pot"))
        cls.po = {code: polib.pofile(_i18n(f"{code}.po")) for code in LANGS}

    def test_each_language_covers_the_template(self):
        sources = {entry.msgid for entry in self.pot if entry.msgid}
        self.assertGreater(len(sources), 1000)
        for code, po in self.po.items():
            with self.subTest(lang=code):
                self.assertEqual(po.metadata.get("Language"), code)
                self.assertIn("charset=UTF-8", po.metadata.get("Content-Type", ""))
                translated = {entry.msgid for entry in po if entry.msgstr and not entry.obsolete}
                coverage = len(sources & translated) / len(sources)
                self.assertGreaterEqual(
                    coverage,
                    MIN_COVERAGE,
                    f"{code}.po translates {len(sources & translated)} of {len(sources)} strings",
                )

    def test_placeholders_markup_and_edges_are_kept(self):
        for code, po in self.po.items():
            for entry in po:
                if not entry.msgstr:
                    continue
                source, text = entry.msgid, entry.msgstr
                with self.subTest(lang=code, msgid=source[:60]):
                    self.assertEqual(
                        sorted(PLACEHOLDER.findall(text)), sorted(PLACEHOLDER.findall(source))
                    )
                    self.assertEqual(_tags(text), _tags(source))
                    # leading and trailing blanks glue the pieces of a sentence together
                    self.assertEqual(
                        text[: len(text) - len(text.lstrip())],
                        source[: len(source) - len(source.lstrip())],
                    )
                    self.assertEqual(text[len(text.rstrip()) :], source[len(source.rstrip()) :])

    def test_odoo_loads_each_language(self):
        menu = self.env.ref("performance_management.performance_review_menu_section")
        view = self.env.ref("performance_management.portal_my_performance")
        term = "Nothing waits for you. Well done!"
        message = "Your draft is saved."
        for code, lang in LANGS.items():
            with self.subTest(lang=lang):
                strings = {entry.msgid: entry.msgstr for entry in self.po[code]}
                self.env["res.lang"]._activate_lang(lang)
                importer = TranslationImporter(self.env.cr, verbose=False)
                importer.load_file(_i18n(f"{code}.po"), lang)
                importer.save(overwrite=True)
                self.env.invalidate_all()
                # a translated field (menu name), a term of a view, a message of the code
                self.assertEqual(menu.with_context(lang=lang).name, strings[menu.name])
                self.assertIn(strings[term], view.with_context(lang=lang).arch_db)
                self.assertNotIn(term, view.with_context(lang=lang).arch_db)
                self.assertEqual(self.env(context={"lang": lang})._(message), strings[message])
