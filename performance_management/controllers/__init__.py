from . import portal, portal_feedback, portal_plan, portal_review, review_pdf, survey
from . import portal_pay
