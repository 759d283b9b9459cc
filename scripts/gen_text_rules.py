"""Generate performance_management/data/performance_text_rule_data.xml from the lists below.

Run from the repository root: python3 scripts/gen_text_rules.py. The data file is noupdate:
administrators edit the words in Odoo; this script only seeds a fresh install.
"""

import re
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

GAUCHER = (
    "Gaucher, Friesen & Kay (2011), Evidence that gendered wording in job advertisements "
    "exists and sustains gender inequality, J. Pers. Soc. Psychol. 101(1) 109-128"
)
GAUCHER_TR = "Translated from " + GAUCHER
TEXTIO = (
    "Textio 2022 (25,000 people) and 2024 studies of performance feedback: personality "
    "feedback, 'abrasive', 'opinionated'"
)
EDITORIAL = "Editorial list of performance_management"

LISTS = {
    "en": {
        "personality": (
            TEXTIO,
            (
                "Describes who the person is rather than what they did: name the behaviour and "
                'its effect instead ("interrupted the client twice in the March demo").'
            ),
            (
                "abrasive aggressive* arrogant* bossy difficult lazy moody pushy shrill sweet "
                "hysterical temperamental dramatic feisty strident sloppy opinionated irritating "
                "annoying nice charming likeable likable brilliant genius emotional* stubborn* "
                "intimidating prickly high-maintenance whiny cold"
            ),
        ),
        "gender_masculine": (
            GAUCHER,
            (
                "Masculine-coded word (Gaucher, Friesen & Kay 2011): such words are used unevenly "
                "by gender. Would you write it about anyone who did the same? Describe the action."
            ),
            (
                "adventurous ambitious* assertive* autonomous* boastful* competitive* confident* "
                "courageous* decisive* determined dominan* forceful* headstrong hierarchical "
                "hostile* impulsive* independent* individualistic masculine outspoken reckless* "
                "self-confiden* self-relian* self-sufficien* superior"
            ),
        ),
        "gender_feminine": (
            GAUCHER,
            (
                "Feminine-coded word (Gaucher, Friesen & Kay 2011): such words are used unevenly "
                "by gender. Would you write it about anyone who did the same? Describe the action."
            ),
            (
                "affectionate* cheerful* compassionate* considerate cooperative* empath* feminine "
                "gentle* interpersonal loyal* modest* nurturing pleasant* polite* quiet* "
                "sensitive* submissive* sympathetic* tender* warm* supportive* nag*"
            ),
        ),
        "absolute": (
            EDITORIAL,
            (
                'Absolute: "always" or "never" is rarely true and invites dispute; say how '
                "often, or when."
            ),
            (
                "always|never|every time|each time|constantly|all the time|nobody|no one|"
                "everybody|everyone|invariably|without exception"
            ),
        ),
        "vague_praise": (
            EDITORIAL,
            "Praise without an example: say what was done and when, so it can be repeated.",
            (
                "great job|good job|nice job|well done|good work|great work|nice work|"
                "excellent work|team player|rock star|rockstar|superstar|amazing|awesome|"
                "fantastic|hard worker|hard-working|keep it up|keep up the good work"
            ),
        ),
        "example_marker": (
            EDITORIAL,
            "Shows that the text cites an instance.",
            (
                "for example|for instance|e.g.|such as|when|during|last week|last month|"
                "last quarter|last year|yesterday|january|february|march|april|june|july|"
                "august|september|october|november|december|monday|tuesday|wednesday|thursday|"
                "friday|saturday|sunday"
            ),
        ),
    },
    "fr": {
        "personality": (
            TEXTIO,
            (
                "Décrit la personne plutôt que ce qu'elle a fait : nommez le comportement et son "
                "effet (« a interrompu le client deux fois lors de la démo de mars »)."
            ),
            (
                "abrasi* agressi* arrogant* colérique* désagréable* difficile* émoti* "
                "hystérique* lunatique* paresseu* susceptible* têtu* gentil* sympa sympathique* "
                "brillant* caractériel* pénible* froid* autoritaire*"
            ),
        ),
        "gender_masculine": (
            GAUCHER_TR,
            (
                "Mot à connotation masculine (d'après Gaucher, Friesen et Kay 2011) : ces mots "
                "s'emploient inégalement selon le genre. L'écririez-vous de toute personne ayant "
                "agi de même ? Décrivez l'action."
            ),
            (
                "ambitieu* affirmé* audacieu* autonome* compétiti* courageu* décidé* déterminé* "
                "dominant* indépendant* individualiste* téméraire* impulsi* fonceu*"
            ),
        ),
        "gender_feminine": (
            GAUCHER_TR,
            (
                "Mot à connotation féminine (d'après Gaucher, Friesen et Kay 2011) : ces mots "
                "s'emploient inégalement selon le genre. L'écririez-vous de toute personne ayant "
                "agi de même ? Décrivez l'action."
            ),
            (
                "affectueu* attentionné* bienveillant* chaleureu* compréhensi* coopérati* "
                "discret discrète* doux douce* empathi* loyal* modeste* sensible* serviable* "
                "tendre* aimable*"
            ),
        ),
        "absolute": (
            EDITORIAL,
            (
                "Absolu : « toujours » ou « jamais » est rarement exact et invite à contester ; "
                "dites à quelle fréquence, ou quand."
            ),
            (
                "toujours|jamais|constamment|systématiquement|tout le temps|à chaque fois|"
                "chaque fois|sans cesse|tout le monde|sans exception"
            ),
        ),
        "vague_praise": (
            EDITORIAL,
            (
                "Éloge sans exemple : dites ce qui a été fait et quand, pour que cela puisse se "
                "répéter."
            ),
            (
                "bon travail|beau travail|excellent travail|très bon travail|bravo|super|"
                "génial*|au top|formidable*|bien joué|bon boulot|continue comme ça"
            ),
        ),
        "example_marker": (
            EDITORIAL,
            "Montre que le texte cite un fait précis.",
            (
                "par exemple|notamment|lorsque|quand|lors de|lors du|lors des|pendant|"
                "la semaine dernière|le mois dernier|hier|janvier|février|mars|avril|mai|juin|"
                "juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|"
                "vendredi|samedi|dimanche"
            ),
        ),
    },
    "de": {
        "personality": (
            TEXTIO,
            (
                "Beschreibt, wie die Person ist, statt was sie getan hat: Nennen Sie das "
                "Verhalten und seine Wirkung („hat den Kunden in der Demo im März zweimal "
                "unterbrochen“)."
            ),
            (
                "aggressiv* arrogant* emotional* zickig* rechthaberisch* stur* faul* schwierig* "
                "launisch* hysterisch* herrisch* überheblich* nett* anstrengend* kompliziert* "
                "brillant* sympathisch* schlampig*"
            ),
        ),
        "gender_masculine": (
            GAUCHER_TR,
            (
                "Männlich konnotiertes Wort (nach Gaucher, Friesen & Kay 2011): Solche Wörter "
                "werden je nach Geschlecht ungleich verwendet. Würden Sie es über jede Person "
                "schreiben, die dasselbe getan hat? Beschreiben Sie die Handlung."
            ),
            (
                "ambitioniert* ehrgeizig* durchsetzungsstark* durchsetzungsfähig* selbstbewusst* "
                "selbstsicher* entschlossen* dominant* unabhängig* wettbewerbsorientiert* mutig* "
                "risikofreudig* furchtlos* kämpferisch* hartnäckig*"
            ),
        ),
        "gender_feminine": (
            GAUCHER_TR,
            (
                "Weiblich konnotiertes Wort (nach Gaucher, Friesen & Kay 2011): Solche Wörter "
                "werden je nach Geschlecht ungleich verwendet. Würden Sie es über jede Person "
                "schreiben, die dasselbe getan hat? Beschreiben Sie die Handlung."
            ),
            (
                "einfühlsam* fürsorglich* herzlich* hilfsbereit* kooperativ* loyal* bescheiden* "
                "sensibel* sanft* verständnisvoll* warmherzig* zurückhaltend* freundlich* "
                "höflich* harmoniebedürftig*"
            ),
        ),
        "absolute": (
            EDITORIAL,
            (
                "Absolut: „immer“ oder „nie“ stimmt selten und lädt zum Widerspruch ein; sagen "
                "Sie, wie oft oder wann."
            ),
            (
                "immer|nie|niemals|ständig|jedes Mal|stets|dauernd|die ganze Zeit|"
                "ohne Ausnahme|niemand"
            ),
        ),
        "vague_praise": (
            EDITORIAL,
            "Lob ohne Beispiel: Sagen Sie, was wann getan wurde, damit es sich wiederholen lässt.",
            (
                "gute Arbeit|tolle Arbeit|super Arbeit|großartige Arbeit|gut gemacht|weiter so|"
                "klasse|super|toll|spitze|Teamplayer|großartig*"
            ),
        ),
        "example_marker": (
            EDITORIAL,
            "Zeigt, dass der Text einen konkreten Fall nennt.",
            (
                "zum Beispiel|z.B.|z. B.|beispielsweise|während|letzte Woche|letzten Monat|"
                "im letzten Quartal|gestern|neulich|Januar|Februar|März|April|Mai|Juni|Juli|"
                "August|September|Oktober|November|Dezember|Montag|Dienstag|Mittwoch|"
                "Donnerstag|Freitag|Samstag|Sonntag"
            ),
        ),
    },
    "es": {
        "personality": (
            TEXTIO,
            (
                "Describe cómo es la persona en lugar de lo que hizo: nombre la conducta y su "
                "efecto («interrumpió al cliente dos veces en la demo de marzo»)."
            ),
            (
                "agresiv* arrogante* emocional* mandón mandona* histéric* terco* terca* "
                "perezos* difícil* conflictiv* simpátic* brillante* dramátic* caprichos* "
                "malhumorad* vago vaga"
            ),
        ),
        "gender_masculine": (
            GAUCHER_TR,
            (
                "Palabra de connotación masculina (según Gaucher, Friesen y Kay 2011): estas "
                "palabras se usan de forma desigual según el género. ¿La escribiría de cualquier "
                "persona que hiciera lo mismo? Describa la acción."
            ),
            (
                "ambicios* audaz* autónom* competitiv* decidid* determinad* dominante* "
                "independiente* individualista* valiente* impulsiv* temerari* asertiv*"
            ),
        ),
        "gender_feminine": (
            GAUCHER_TR,
            (
                "Palabra de connotación femenina (según Gaucher, Friesen y Kay 2011): estas "
                "palabras se usan de forma desigual según el género. ¿La escribiría de cualquier "
                "persona que hiciera lo mismo? Describa la acción."
            ),
            (
                "afectuos* amable* cariños* comprensiv* cooperativ* dulce* empátic* leal* "
                "modest* sensible* servicial* tiern* cálid* complaciente*"
            ),
        ),
        "absolute": (
            EDITORIAL,
            (
                "Absoluto: «siempre» o «nunca» rara vez es cierto e invita a discutir; diga con "
                "qué frecuencia, o cuándo."
            ),
            (
                "siempre|nunca|jamás|todo el tiempo|constantemente|cada vez|en todo momento|"
                "sin excepción|nadie|todo el mundo"
            ),
        ),
        "vague_praise": (
            EDITORIAL,
            "Elogio sin ejemplo: diga qué se hizo y cuándo, para que pueda repetirse.",
            (
                "buen trabajo|gran trabajo|excelente trabajo|bien hecho|genial*|increíble*|"
                "estupend*|fantástic*|sigue así|crack"
            ),
        ),
        "example_marker": (
            EDITORIAL,
            "Muestra que el texto cita un caso concreto.",
            (
                "por ejemplo|p. ej.|cuando|durante|la semana pasada|el mes pasado|ayer|enero|"
                "febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
                "diciembre|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
            ),
        ),
    },
}


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower().replace("*", "x")).strip("_")


def main():
    out = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        "<!-- Generated by scripts/gen_text_rules.py: the word lists of the review-text check.",
        "     noupdate: administrators edit them in Performance > Configuration. -->",
        '<odoo noupdate="1">',
    ]
    ids = set()
    for lang, categories in LISTS.items():
        for category, (source, reason, words) in categories.items():
            patterns = words.split("|") if "|" in words else words.split()
            keys = set()
            for pattern in patterns:
                assert pattern.lower() not in keys, (lang, pattern)
                keys.add(pattern.lower())
                xmlid = f"text_rule_{lang}_{category}_{slug(pattern)}"
                while xmlid in ids:
                    xmlid += "_2"
                ids.add(xmlid)
                out += [
                    f'    <record id="{xmlid}" model="performance.text.rule">',
                    f'        <field name="lang">{lang}</field>',
                    f'        <field name="category">{category}</field>',
                    f'        <field name="pattern">{escape(pattern)}</field>',
                    f'        <field name="reason">{escape(reason)}</field>',
                    f'        <field name="source">{escape(source)}</field>',
                    "    </record>",
                ]
    out += ["</odoo>", ""]
    Path("performance_management/data/performance_text_rule_data.xml").write_text(
        "\n".join(out), encoding="utf-8"
    )
    print(len(ids), "rules")


if __name__ == "__main__":
    main()
