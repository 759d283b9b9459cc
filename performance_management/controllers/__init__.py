from . import portal, portal_feedback, portal_plan, portal_review, review_pdf, survey
from . import portal_text_check
from . import portal_review_usefulness
from . import portal_evidence
from . import portal_pulse
from . import performance_data
from . import portal_pay
