#!/usr/bin/env python3
"""Writes tests/data/vignettes/*.json: realistic clients written from the clinical reference files.

Each vignette's answers are the benign red-flag baseline (tests/data/rule-cases/benign-baseline.json,
defined in scripts/make-rule-cases.py) merged with the client's own answers, so the red-flag answer
set is complete unless the vignette is about an unfinished screen; pattern-screen answers are the
client's own. Answers the form would disable are dropped (enabled_only). The expected results were written from clinical reasoning (the notes beside each
vignette) and then checked with scripts/check-rule-cases.py. Edit here, regenerate, re-check.
"""

import collections
import importlib.util
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
_spec = importlib.util.spec_from_file_location("make_rule_cases", os.path.join(HERE, "make-rule-cases.py"))
_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_cases)
merge = _cases.merge
_form_spec = importlib.util.spec_from_file_location("check_intake_form", os.path.join(HERE, "check-intake-form.py"))
_form_checks = importlib.util.module_from_spec(_form_spec)
_form_spec.loader.exec_module(_form_checks)
with open(os.path.join(ROOT, "forms", "intake", "low-back-intake.json"), encoding="utf-8") as _form_file:
    FORM = _form_checks.Form(json.load(_form_file))

OUT = os.path.join(ROOT, "tests", "data", "vignettes")

SIJ_KEYS = ["sij_t1", "sij_t2", "sij_t3", "sij_t4", "sij_t5_left", "sij_t5_right"]
CODE = {"+": "positive", "-": "negative", "0": "not_performed"}


def sij(pattern, cen=None):
    out = {k: CODE[c] for k, c in zip(SIJ_KEYS, pattern) if c != "."}
    if cen:
        out["centralises_with_repeated_movement"] = cen
    return out


RAD_EXAM_NEG = {"rad_h2": False, "rad_e1_leg_pain": False, "rad_e2": False, "rad_e3": False}

V = []


def enabled_only(answers):
    """Drops the answers the intake form disables (e.g. AAA risk questions for women), repeating until none
    is left, so every vignette is an answer set the form itself could produce."""
    answers = collections.OrderedDict(answers)
    while True:
        disabled = [link for link in answers if not _form_checks.enabled(FORM, link, answers)]
        if not disabled:
            return answers
        for link in disabled:
            del answers[link]


def vignette(vid, title, description, over, triage, fired, patterns, not_evaluable=(), missing=(),
             provisional=()):
    answers = enabled_only(merge(over))
    V.append(collections.OrderedDict([
        ("id", vid), ("title", title), ("description", description), ("answers", answers),
        ("expected", collections.OrderedDict([
            ("triage", triage), ("fired", sorted(fired)), ("notEvaluable", sorted(not_evaluable)),
            ("missing", sorted(missing)),
            ("programBlocked", triage in ("EMERGENCY", "URGENT", "SOON", "INCOMPLETE")),
            ("patterns", collections.OrderedDict(zip(("sij", "radicular", "lcs"), patterns))),
            ("provisional", sorted(provisional))]))]))


SUPP = ("SUPPRESSED", "SUPPRESSED", "SUPPRESSED")
SUPP_IDS = ["SIJ-R0", "RAD-R0", "LCS-R0"]

vignette(
    "v01-cauda-equina", "Cauda equina syndrome: bladder change and saddle numbness with bilateral sciatica",
    "Woman, 38, with recurrent low back pain since 30. Three days of worsening pain into both legs below the knee "
    "with pins and needles; since yesterday she has to strain to pass urine and feels numb when wiping. "
    "Three CES features fire (bladder, saddle: EMERGENCY; bilateral legs: URGENT beside them). Send to the emergency "
    "department now; the pattern screens are suppressed.",
    {"age": 38, "sex": "female", "lbp_onset_age_years": 30, "lbp_duration_months": 96, "episode_duration_weeks": 0.5,
     "pain_worsening": True, "leg_symptoms_bilateral": True, "bladder_new_dysfunction": True,
     "saddle_sensory_change": True, "rad_h1": True, "rad_h2": True, "rad_h4": True},
    "EMERGENCY", ["RF-CES-01", "RF-CES-03", "RF-CES-05"] + SUPP_IDS, SUPP)

vignette(
    "v02-osteoporotic-fracture", "Osteoporotic vertebral fracture after lifting",
    "Woman, 74, with known osteoporosis, first ever back pain 10 days ago: sudden severe pain lifting her grandson, "
    "much worse sitting up and standing. Osteoporosis with a trigger (RF-FX-04) and age over 70 with minor trauma "
    "(RF-FX-05) are URGENT; female over 70 (RF-FX-06, SOON) and the weak age flags fire beside them.",
    {"age": 74, "sex": "female", "lbp_onset_age_years": 74, "lbp_duration_months": 0.3,
     "episode_duration_weeks": 1.5, "osteoporosis_known": True, "minor_trauma": True,
     "pain_sudden_severe_mechanical": True},
    "URGENT", ["RF-FX-04", "RF-FX-05", "RF-FX-06", "RF-FX-07", "RF-MAL-04"] + SUPP_IDS, SUPP)

vignette(
    "v03-past-cancer-night-pain", "Past prostate cancer with thoracolumbar night pain",
    "Man, 62, treated for prostate cancer 9 years ago. Five weeks of thoracolumbar pain that wakes him and does not "
    "ease with changing position; no better after 4 weeks of physiotherapy; neurological examination normal. Cancer "
    "history is URGENT whenever the cancer was diagnosed (RF-MAL-02); four weak features make RF-MAL-C2 and C3 fire; "
    "no neurology, so not RF-MAL-01.",
    {"age": 62, "lbp_onset_age_years": 62, "lbp_duration_months": 1.2, "episode_duration_weeks": 5,
     "cancer_history": True, "pain_night_unrelenting": True, "failure_to_improve_4w": True, "thoracic_pain": True},
    "URGENT", ["RF-MAL-02", "RF-MAL-04", "RF-MAL-05", "RF-MAL-06", "RF-MAL-07", "RF-MAL-C2", "RF-MAL-C3"] + SUPP_IDS,
    SUPP)

vignette(
    "v04-spinal-infection", "Spinal infection in a person who injects drugs",
    "Man, 45, injects drugs. Two weeks of worsening back pain that now keeps him awake, with sweats and shaking "
    "chills; 38.6 °C measured today; looks unwell. Fever with an infection risk factor is EMERGENCY (RF-INF-01); "
    "RF-INF-02, RF-INF-03 (risk factor, episode of 6 weeks or less), RF-INF-05 and the night-pain caution fire beside it.",
    {"age": 45, "lbp_onset_age_years": 45, "lbp_duration_months": 0.5, "episode_duration_weeks": 2,
     "ivdu": True, "fever_or_rigors": True, "temperature_c": 38.6, "systemically_unwell": True,
     "pain_worsening": True, "pain_night_unrelenting": True},
    "EMERGENCY", ["RF-INF-01", "RF-INF-02", "RF-INF-03", "RF-INF-05", "RF-MAL-06"] + SUPP_IDS, SUPP)

vignette(
    "v05-axial-spondyloarthritis", "Inflammatory back pain meeting NICE NG65",
    "Man, 29, back pain since 24 (5 years): wakes him in the early hours, buttock pain, better with exercise, "
    "ibuprofen helps within a day, past Achilles enthesitis. NG65 gate open (onset before 45, more than 3 months) "
    "with six criteria including onset before 35: refer to rheumatology (RF-AXS-01, SOON). The SIJ tests he had "
    "done are not scored while the triage is SOON.",
    dict({"age": 29, "lbp_onset_age_years": 24, "lbp_duration_months": 60, "episode_duration_weeks": 8,
          "spa_night_wake": True, "spa_buttock_pain": True, "spa_better_moving": True, "spa_nsaid_48h": True,
          "spa_enthesitis": True}, **sij("++-+--", "no")),
    "SOON", ["RF-AXS-01"] + SUPP_IDS, SUPP)

vignette(
    "v06-symptomatic-aaa-risk", "Older smoker with non-mechanical back and abdominal pain",
    "Man, 72, ex-smoker with high blood pressure. Two days of deep central back and abdominal pain that does not "
    "change with movement or position; came on over a day, no collapse, no known aneurysm, nothing pulsatile felt. "
    "RF-VASC-03 asks the GP to consider aortic ultrasound (URGENT); age over 70 and over 50 and the non-mechanical "
    "pain are cautions.",
    {"age": 72, "lbp_onset_age_years": 72, "lbp_duration_months": 0.1, "episode_duration_weeks": 0.3,
     "smoker_ever": True, "hypertension": True, "pain_unaffected_by_movement": True, "pain_new_or_different": True},
    "URGENT", ["RF-FX-07", "RF-MAL-04", "RF-VASC-03", "RF-VISC-04"] + SUPP_IDS, SUPP)

vignette(
    "v07-aaa-rupture", "Known aneurysm with sudden new pain and near-fainting",
    "Man, 68, ex-smoker with a 5 cm aortic aneurysm under surveillance. This morning sudden severe back pain, unlike "
    "his usual back pain and unchanged by position, and he nearly fainted. Possible rupture: RF-VASC-01 and RF-VASC-02 "
    "are EMERGENCY (call emergency services); RF-VASC-03 fires beside them.",
    {"age": 68, "lbp_onset_age_years": 50, "lbp_duration_months": 216, "episode_duration_weeks": 0.1,
     "known_aaa": True, "smoker_ever": True, "pain_sudden_severe_nonpositional": True, "collapse_or_syncope": True,
     "pain_new_or_different": True, "pain_unaffected_by_movement": True},
    "EMERGENCY", ["RF-MAL-04", "RF-VASC-01", "RF-VASC-02", "RF-VASC-03", "RF-VISC-04"] + SUPP_IDS, SUPP)

vignette(
    "v08-progressive-foot-drop", "Sciatica with progressive foot drop",
    "Woman, 55, three weeks of L5 sciatica; over the last two days her foot has started to slap and ankle "
    "dorsiflexion is now 3/5, with sensory loss over the dorsum of the foot. Progressive weakness and new gait "
    "disturbance are EMERGENCY (RF-NEU-01, RF-NEU-02); grade 3 fires RF-NEU-03 beside them.",
    {"age": 55, "sex": "female", "lbp_onset_age_years": 48, "lbp_duration_months": 84, "episode_duration_weeks": 3,
     "pain_worsening": True, "leg_weakness_progressive": True, "gait_disturbance_new": True,
     "x_motor_grade_min": 3, "rad_h1": True, "rad_h2": True, "rad_h4": True, "rad_e4": True, "rad_e6": True},
    "EMERGENCY", ["RF-MAL-04", "RF-NEU-01", "RF-NEU-02", "RF-NEU-03"] + SUPP_IDS, SUPP)

vignette(
    "v09-sij-pain", "Postpartum sacroiliac joint pain",
    "Woman, 34, eight months after childbirth: one-sided buttock pain below the belt line, worse sitting on that "
    "side. Distraction, thigh thrust, compression and right Gaenslen reproduce her familiar pain; repeated "
    "movements do not change it. Red flags clear (NG65 gate open but only two criteria, no uveitis, IBD or "
    "psoriasis). Laslett cluster positive: sij ASSESS. No leg symptoms and a negative neural examination: radicular "
    "CONTINUE with the referred-pain note. Not flexion-related and two weakness findings only: lcs UNLIKELY.",
    dict({"age": 34, "sex": "female", "lbp_onset_age_years": 33, "lbp_duration_months": 8,
          "episode_duration_weeks": 12, "spa_buttock_pain": True, "lcs_s01": True,
          "lcs_t01_hip_angle_left_deg": -5, "lcs_t01_hip_angle_right_deg": -8,
          "lcs_t02_ake_deficit_left_deg": 15, "lcs_t02_ake_deficit_right_deg": 15, "lcs_t02_pslr_left_deg": 85,
          "lcs_t02_pslr_right_deg": 85, "lcs_t02_leg_symptoms": False, "lcs_t04": True, "lcs_t05": True,
          "lcs_t06_dllt_deg": 40}, **dict(RAD_EXAM_NEG, **sij("+++--+", "no"))),
    "NONE", ["SIJ-R3", "RAD-R6", "RAD-N3", "LCS-R5"], ("ASSESS", "CONTINUE", "UNLIKELY"))

vignette(
    "v10-radiculopathy", "L5 radiculopathy with a flexion-related pattern",
    "Man, 42, three weeks of left leg pain below the knee, worse than his back pain, with pins and needles on the "
    "top of the foot. SLR reproduces the leg pain at 40° and ankle dorsiflexion increases it; slump positive; great-"
    "toe extension 4/5 and reduced light touch in the L5 dermatome. Sitting, bending and driving aggravate, walking "
    "eases, repeated extension centralises. Red flags clear (grade 4 is below the RF-NEU-03 threshold; no cancer or "
    "fever). radicular ASSESS (RAD-R2 deficit, RAD-R4 all five items). Active knee extension brought on tingling, so "
    "LCS-T02 is not assessable; two impairments with flexion-related behaviour give lcs POSSIBLE, provisional "
    "because radicular is ASSESS. SIJ not tested.",
    {"age": 42, "lbp_onset_age_years": 38, "lbp_duration_months": 48, "episode_duration_weeks": 3,
     "rad_h1": True, "rad_h2": True, "rad_h3": True, "rad_h4": True, "rad_e1_leg_pain": True, "rad_e1_angle_deg": 40,
     "rad_e1_sensitising": True, "rad_e2": False, "rad_e3": True, "rad_e4": True, "x_motor_grade_min": 4,
     "rad_e6": True, "centralises_with_repeated_movement": "yes",
     "lcs_s01": True, "lcs_s02": True, "lcs_s03": True, "lcs_s04": True, "lcs_s06": "yes",
     "lcs_t01_hip_angle_left_deg": 5, "lcs_t01_hip_angle_right_deg": -2, "lcs_t02_ake_deficit_left_deg": 35,
     "lcs_t02_ake_deficit_right_deg": 20, "lcs_t02_leg_symptoms": True, "lcs_t04": False, "lcs_t05": True,
     "lcs_t06_dllt_deg": 25},
    "NONE", ["SIJ-R1", "RAD-R2", "RAD-R4", "LCS-R3"], ("NOT_ASSESSED", "ASSESS", "POSSIBLE"), provisional=["lcs"])

vignette(
    "v11-flexion-lower-crossed", "Office worker with a flexion-related lower-crossed pattern",
    "Man, 36, four months of central low back pain worse with sitting, bending and driving, eased by walking and "
    "standing; repeated extension reduces it. Thomas test thigh 8° above horizontal on the right, AKE deficit 28° "
    "both sides without leg symptoms, prone hip extension led by the lumbar spine, positive Trendelenburg, double-leg "
    "lowering loses the flat back at 45°. Every SIJ test negative; no leg symptoms. lcs LIKELY (flexion-related, "
    "five impairments); sij CONTINUE with SIJ unlikely; radicular CONTINUE.",
    dict({"age": 36, "lbp_onset_age_years": 35, "lbp_duration_months": 4, "episode_duration_weeks": 16,
          "lcs_s01": True, "lcs_s02": True, "lcs_s03": True, "lcs_s04": True, "lcs_s05": True, "lcs_s06": "yes",
          "lcs_x01": False, "lcs_t01_hip_angle_left_deg": 2, "lcs_t01_hip_angle_right_deg": 8,
          "lcs_t02_ake_deficit_left_deg": 28, "lcs_t02_ake_deficit_right_deg": 28, "lcs_t02_leg_symptoms": False,
          "lcs_t03": True, "lcs_t04": True, "lcs_t05": True, "lcs_t06_dllt_deg": 45},
         **dict(RAD_EXAM_NEG, **sij("------", "yes"))),
    "NONE", ["SIJ-R5", "SIJ-N4", "RAD-R6", "RAD-N3", "LCS-R2"], ("CONTINUE", "CONTINUE", "LIKELY"))

vignette(
    "v12-mixed-sij-and-thigh-pain", "SIJ cluster with posterior thigh pain that is not radicular",
    "Woman, 45, left buttock and posterior thigh pain to the knee, worse than her back pain; no pins and needles. "
    "SLR brings on her thigh pain at 60° but neither dorsiflexion nor lowering changes it (not positive), slump and "
    "neurology negative. Thigh thrust and sacral thrust positive, distraction and compression negative, Gaenslen not "
    "done, centralisation not tested: sij ASSESS with the lower-specificity note. radicular CONTINUE with both notes. "
    "Sitting and driving aggravate, walking eases; only prone hip extension is positive: lcs POSSIBLE.",
    dict({"age": 45, "sex": "female", "lbp_onset_age_years": 40, "lbp_duration_months": 60,
          "episode_duration_weeks": 6, "spa_buttock_pain": True, "rad_h2": True, "rad_e1_leg_pain": True,
          "rad_e1_angle_deg": 60, "rad_e1_sensitising": False, "rad_e1_eased_lowering": False, "rad_e2": False,
          "rad_e3": False, "lcs_s01": True, "lcs_s03": True, "lcs_s04": True,
          "lcs_t01_hip_angle_left_deg": -6, "lcs_t01_hip_angle_right_deg": -4, "lcs_t02_ake_deficit_left_deg": 30,
          "lcs_t02_leg_symptoms": True, "lcs_t04": True, "lcs_t05": False, "lcs_t06_dllt_deg": 55},
         **sij("-+-+00")),
    "NONE", ["SIJ-R3", "SIJ-N2", "RAD-R6", "RAD-N3", "RAD-N4", "LCS-R3"], ("ASSESS", "CONTINUE", "POSSIBLE"))

vignette(
    "v13-clear-acute-strain", "Acute back strain after gardening, everything clear",
    "Man, 28, first ever back pain 10 days ago after a day of digging (lifting counts as minor trauma, which fires "
    "nothing at his age without osteoporosis). No red flag, every SIJ test negative, no leg symptoms, neural "
    "examination negative; bending aggravates and standing eases but that is not enough for a flexion pattern, and "
    "all five lower-crossed tests are negative.",
    dict({"age": 28, "lbp_onset_age_years": 28, "lbp_duration_months": 0.3, "episode_duration_weeks": 1.5,
          "minor_trauma": True, "lcs_s02": True, "lcs_s05": True, "lcs_t01_hip_angle_left_deg": -8,
          "lcs_t01_hip_angle_right_deg": -10, "lcs_t02_ake_deficit_left_deg": 10,
          "lcs_t02_ake_deficit_right_deg": 12, "lcs_t02_pslr_left_deg": 85, "lcs_t02_pslr_right_deg": 88,
          "lcs_t02_leg_symptoms": False, "lcs_t04": False, "lcs_t05": False, "lcs_t06_dllt_deg": 25},
         **dict(RAD_EXAM_NEG, **sij("------", "no"))),
    "NONE", ["SIJ-R5", "SIJ-N4", "RAD-R6", "RAD-N3", "LCS-R5"], ("CONTINUE", "CONTINUE", "UNLIKELY"))

vignette(
    "v14-clear-history-only", "Recurrent mechanical back pain, red-flag screen only",
    "Woman, 45, recurrent mechanical low back pain for 6 years, current flare 3 weeks. Red-flag history and the "
    "neurological examination are complete and clear; no SIJ or lower-crossed tests were done and she has no leg "
    "symptoms. Triage NONE; sij and lcs NOT_ASSESSED; radicular CONTINUE because the history items and the "
    "neurological examination were answered no.",
    {"age": 45, "sex": "female", "lbp_onset_age_years": 39, "lbp_duration_months": 72, "episode_duration_weeks": 3,
     "rad_h2": False},
    "NONE", ["SIJ-R1", "RAD-R6", "RAD-N3", "LCS-R1"], ("NOT_ASSESSED", "CONTINUE", "NOT_ASSESSED"))

vignette(
    "v15-incomplete-intake", "Interrupted intake: cauda equina and cancer questions not asked",
    "Man, 58, three weeks of new low back pain. The intake was interrupted before the bladder, bowel and saddle "
    "questions and the cancer-history question. Age over 50 fires (MONITOR) but four rules cannot be decided, so the "
    "triage is INCOMPLETE and the program is blocked until the missing questions are asked. Thigh thrust and "
    "distraction were already positive (sij ASSESS, provisional, with the centralisation-not-tested note).",
    dict({"age": 58, "lbp_onset_age_years": 58, "lbp_duration_months": 0.7, "episode_duration_weeks": 3,
          "bladder_new_dysfunction": None, "bowel_new_dysfunction": None, "saddle_sensory_change": None,
          "cancer_history": None}, **sij("++....")),
    "INCOMPLETE", ["RF-MAL-04", "SIJ-R3", "SIJ-N2", "RAD-R6", "RAD-N3", "LCS-R1"],
    ("ASSESS", "CONTINUE", "NOT_ASSESSED"),
    not_evaluable=["RF-CES-01", "RF-CES-02", "RF-CES-03", "RF-MAL-01", "RF-MAL-02"],
    missing=["bladder_new_dysfunction", "bowel_new_dysfunction", "cancer_history", "saddle_sensory_change"],
    provisional=["sij", "radicular", "lcs"])

vignette(
    "v16-monitor-diabetes-age", "MONITOR only: diabetes and age over 50",
    "Woman, 52, type 2 diabetes, three weeks of mechanical low back pain; nothing else. Two cautions (RF-INF-04, "
    "RF-MAL-04): triage MONITOR, program allowed with safety-netting. SIJ tests all negative; no leg symptoms; "
    "flexion-related behaviour with a weak prone hip extension and double-leg lowering lost at 65°: lcs POSSIBLE.",
    dict({"age": 52, "sex": "female", "lbp_onset_age_years": 44, "lbp_duration_months": 96,
          "episode_duration_weeks": 3, "diabetes": True, "lcs_s01": True, "lcs_s02": True, "lcs_s04": True,
          "lcs_s05": True, "lcs_t01_hip_angle_left_deg": -4, "lcs_t01_hip_angle_right_deg": -6,
          "lcs_t02_ake_deficit_left_deg": 12, "lcs_t02_ake_deficit_right_deg": 14, "lcs_t02_leg_symptoms": False,
          "lcs_t04": True, "lcs_t05": False, "lcs_t06_dllt_deg": 65},
         **dict(RAD_EXAM_NEG, **sij("------", "no"))),
    "MONITOR", ["RF-INF-04", "RF-MAL-04", "SIJ-R5", "SIJ-N4", "RAD-R6", "RAD-N3", "LCS-R3"],
    ("CONTINUE", "CONTINUE", "POSSIBLE"))

vignette(
    "v17-young-constant-night-pain", "Constant night pain in a young adult (literal MONITOR outcome)",
    "Man, 33, three weeks of constant back pain that keeps him awake, otherwise well, no cancer history, no other "
    "flag. As red-flags.md §3.4 says, this gives MONITOR only (RF-MAL-06): the caution is shown and re-asked at each "
    "visit, and the first added feature (no improvement by 4 weeks) would fire RF-MAL-C2.",
    {"age": 33, "lbp_onset_age_years": 33, "lbp_duration_months": 0.7, "episode_duration_weeks": 3,
     "pain_constant_unremitting": True, "pain_night_unrelenting": True},
    "MONITOR", ["RF-MAL-06", "SIJ-R1", "RAD-R6", "RAD-N3", "LCS-R1"], ("NOT_ASSESSED", "CONTINUE", "NOT_ASSESSED"))

vignette(
    "v18-fever-with-sciatica", "Fever with new sciatica and no deficit",
    "Woman, 39, a week of sweats and fevers and new pain shooting below the knee, worse than her back pain; "
    "neurological examination normal. Radicular pain counts as neurology in neuro_any, so fever with it is "
    "EMERGENCY (RF-INF-01): an early stage of a possible epidural abscess.",
    {"age": 39, "sex": "female", "lbp_onset_age_years": 39, "lbp_duration_months": 0.3,
     "episode_duration_weeks": 1, "fever_or_rigors": True, "rad_h1": True, "rad_h2": True},
    "EMERGENCY", ["RF-INF-01", "RF-INF-02"] + SUPP_IDS, SUPP)

vignette(
    "v19-cancer-with-radicular-pain", "Past breast cancer with new radicular pain",
    "Woman, 57, breast cancer treated 14 years ago, new low back pain with pain shooting below the knee. Cancer "
    "history with radicular pain is treated as possible metastatic cord compression (RF-MAL-01, EMERGENCY).",
    {"age": 57, "sex": "female", "lbp_onset_age_years": 57, "lbp_duration_months": 0.5,
     "episode_duration_weeks": 2, "cancer_history": True, "rad_h1": True},
    "EMERGENCY", ["RF-MAL-01", "RF-MAL-02", "RF-MAL-04"] + SUPP_IDS, SUPP)

vignette(
    "v20-older-woman-no-trauma", "Woman over 70 with new back pain and no trauma",
    "Woman, 76, three weeks of gradually increasing low back pain with no fall or strain. Female sex and age over 70 "
    "together (RF-FX-06) ask for medical evaluation for a possible osteoporotic fracture: SOON, program blocked.",
    {"age": 76, "sex": "female", "lbp_onset_age_years": 60, "lbp_duration_months": 192, "episode_duration_weeks": 3},
    "SOON", ["RF-FX-06", "RF-FX-07", "RF-MAL-04"] + SUPP_IDS, SUPP)

vignette(
    "v21-renal-colic", "Colicky loin pain with blood in the urine",
    "Man, 41, sudden waves of loin pain spreading to the groin, unaffected by movement, with blood in the urine. A "
    "renal source is likely (RF-VISC-01, URGENT, same-day GP).",
    {"age": 41, "lbp_onset_age_years": 41, "lbp_duration_months": 0.1, "episode_duration_weeks": 0.2,
     "urinary_symptoms": True, "loin_pain_colicky": True, "pain_unaffected_by_movement": True},
    "URGENT", ["RF-VISC-01", "RF-VISC-04"] + SUPP_IDS, SUPP)

vignette(
    "v22-long-term-steroids", "Long-term prednisolone with new back pain",
    "Woman, 66, on prednisolone for polymyalgia rheumatica for 8 months, two weeks of low back pain without "
    "trauma. Prolonged steroids are a fracture flag (RF-FX-03) and an infection risk factor with a new episode "
    "(RF-INF-03), both URGENT.",
    {"age": 66, "sex": "female", "lbp_onset_age_years": 55, "lbp_duration_months": 132,
     "episode_duration_weeks": 2, "corticosteroid_prolonged": True},
    "URGENT", ["RF-FX-03", "RF-INF-03", "RF-INF-05", "RF-MAL-04"] + SUPP_IDS, SUPP)

vignette(
    "v23-axs-near-miss", "Inflammatory features with onset just after 45",
    "Man, 47, back pain that began at 46 (14 months ago): wakes him in the second half of the night, eases with "
    "movement, responds to naproxen within a day, and he has psoriasis. The NG65 gate is closed (onset not before "
    "45), but four criteria near the gate fire RF-AXS-04 (MONITOR): re-screen at each visit. SIJ tests: only the "
    "thigh thrust positive (SIJ-R5, not every test negative, so no SIJ-N4).",
    dict({"age": 47, "lbp_onset_age_years": 46, "lbp_duration_months": 14, "episode_duration_weeks": 10,
          "spa_night_wake": True, "spa_better_moving": True, "spa_nsaid_48h": True, "spa_psoriasis": True},
         **dict(RAD_EXAM_NEG, **sij("-+----", "no"))),
    "MONITOR", ["RF-AXS-04", "SIJ-R5", "RAD-R6", "RAD-N3", "LCS-R1"], ("CONTINUE", "CONTINUE", "NOT_ASSESSED"))

vignette(
    "v24-telehealth-no-examination", "First contact by video: no physical examination yet",
    "Man, 35, two weeks of leg pain below the knee, worse than his back pain, no pins and needles; seen by video so "
    "no examination item is entered. The red-flag examination items cannot be decided (INCOMPLETE, missing lists "
    "them); radicular is INCOMPLETE (history positive, no examination; two Stynes items only), provisional; SIJ and "
    "lower-crossed not assessed.",
    {"age": 35, "lbp_onset_age_years": 30, "lbp_duration_months": 60, "episode_duration_weeks": 2,
     "rad_h1": True, "rad_h2": True, "x_motor_grade_min": None, "x_multilevel_deficit": None, "x_umn_signs": None,
     "x_spinal_contusion": None, "x_spinal_deformity_new": None, "rad_e4": None, "rad_e5": None, "rad_e6": None},
    "INCOMPLETE", ["SIJ-R1", "RAD-R5", "LCS-R1"], ("NOT_ASSESSED", "INCOMPLETE", "NOT_ASSESSED"),
    not_evaluable=["RF-FX-02", "RF-FX-08", "RF-FX-09", "RF-NEU-02", "RF-NEU-03", "RF-NEU-04"],
    missing=["x_motor_grade_min", "x_multilevel_deficit", "x_spinal_contusion", "x_spinal_deformity_new",
             "x_umn_signs"],
    provisional=["sij", "radicular", "lcs"])

vignette(
    "v25-bilateral-sciatica-no-ces", "Bilateral leg symptoms without other cauda equina features",
    "Man, 44, one week of pain and tingling in both legs below the knee; bladder, bowel, saddle sensation and sexual "
    "function all normal on direct questioning. Bilateral leg symptoms alone are URGENT (RF-CES-05): same-day medical "
    "review with explicit CES safety-netting.",
    {"age": 44, "lbp_onset_age_years": 40, "lbp_duration_months": 48, "episode_duration_weeks": 1,
     "leg_symptoms_bilateral": True, "rad_h1": True, "rad_h4": True},
    "URGENT", ["RF-CES-05"] + SUPP_IDS, SUPP)

vignette(
    "v26-sij-centralises-lcs-likely", "Positive SIJ cluster that centralises, with a lower-crossed pattern",
    "Woman, 31, buttock and low back pain for 6 years, worse with sitting and bending, eased by walking; repeated "
    "extension abolishes it. Distraction, thigh thrust and compression are positive, sacral thrust negative, but "
    "because the symptoms centralise the SIJ is not called the source (SIJ-R2, CONTINUE, with note SIJ-N1). Thomas "
    "positive, passive SLR 70°, prone hip extension positive, double-leg lowering lost at 70°: lcs LIKELY.",
    dict({"age": 31, "sex": "female", "lbp_onset_age_years": 25, "lbp_duration_months": 72,
          "episode_duration_weeks": 10, "spa_buttock_pain": True, "lcs_s01": True, "lcs_s02": True,
          "lcs_s04": True, "lcs_s06": "yes", "lcs_t01_hip_angle_left_deg": 6, "lcs_t01_hip_angle_right_deg": 4,
          "lcs_t02_pslr_left_deg": 70, "lcs_t02_pslr_right_deg": 72, "lcs_t02_leg_symptoms": False,
          "lcs_t04": True, "lcs_t05": False, "lcs_t06_dllt_deg": 70},
         **dict(RAD_EXAM_NEG, **sij("+++-..", "yes"))),
    "NONE", ["SIJ-R2", "SIJ-N1", "RAD-R6", "RAD-N3", "LCS-R2"], ("CONTINUE", "CONTINUE", "LIKELY"))

vignette(
    "v27-known-aaa-question-skipped", "Known aneurysm, 'new or different pain' not answered",
    "Man, 67, ex-smoker with a known small aneurysm; his usual mechanical back pain is back. The question whether "
    "this pain is new or different was skipped, so RF-VASC-02 cannot be decided: the triage is INCOMPLETE, not "
    "MONITOR, and the program waits for that one answer. RF-VASC-03 is decided (his pain changes with movement). "
    "Flexion-related behaviour and a weak prone hip extension: lcs POSSIBLE, provisional.",
    {"age": 67, "lbp_onset_age_years": 40, "lbp_duration_months": 324, "episode_duration_weeks": 4,
     "known_aaa": True, "smoker_ever": True, "pain_new_or_different": None, "rad_h2": False,
     "lcs_s01": True, "lcs_s02": True, "lcs_s04": True, "lcs_s05": True, "lcs_t01_hip_angle_left_deg": -3,
     "lcs_t01_hip_angle_right_deg": -5, "lcs_t04": True},
    "INCOMPLETE", ["RF-MAL-04", "SIJ-R1", "RAD-R6", "RAD-N3", "LCS-R3"], ("NOT_ASSESSED", "CONTINUE", "POSSIBLE"),
    not_evaluable=["RF-VASC-02"], missing=["pain_new_or_different"], provisional=["sij", "radicular", "lcs"])

vignette(
    "v28-weight-loss-alone", "Unexplained weight loss with new back pain",
    "Man, 48, has lost 7 kg without trying over four months; two weeks of low back pain; no other feature. Weight "
    "loss alone is SOON (RF-MAL-03); with any weak malignancy feature it would be URGENT (RF-MAL-C1).",
    {"age": 48, "lbp_onset_age_years": 48, "lbp_duration_months": 0.5, "episode_duration_weeks": 2,
     "weight_loss_unexplained": True},
    "SOON", ["RF-MAL-03"] + SUPP_IDS, SUPP)

vignette(
    "v29-cord-signs", "Clumsy hands, unsteady gait and clonus",
    "Man, 60, low back and leg aching with new unsteadiness, clumsy hands, brisk reflexes and sustained ankle clonus. "
    "Possible cord compression: RF-NEU-02, EMERGENCY.",
    {"age": 60, "lbp_onset_age_years": 50, "lbp_duration_months": 120, "episode_duration_weeks": 6,
     "gait_disturbance_new": True, "upper_limb_neuro_symptoms": True, "x_umn_signs": True},
    "EMERGENCY", ["RF-MAL-04", "RF-NEU-02"] + SUPP_IDS, SUPP)

vignette(
    "v30-immunosuppressed-long-episode", "Transplant recipient with a long, stable episode",
    "Man, 50, kidney transplant on tacrolimus, 10 weeks of unchanged mechanical low back pain. Outside the 6-week "
    "window and not worsening, so RF-INF-03 does not fire, but RF-INF-05 keeps the infection risk visible "
    "(MONITOR). SIJ tests negative except left Gaenslen; radicular screen clear; lower-crossed tests negative.",
    dict({"age": 50, "lbp_onset_age_years": 48, "lbp_duration_months": 24, "episode_duration_weeks": 10,
          "immunosuppressed": True, "lcs_s02": True, "lcs_t01_hip_angle_left_deg": -6,
          "lcs_t01_hip_angle_right_deg": -7, "lcs_t02_ake_deficit_left_deg": 15,
          "lcs_t02_ake_deficit_right_deg": 10, "lcs_t02_leg_symptoms": False, "lcs_t04": False, "lcs_t05": False,
          "lcs_t06_dllt_deg": 30}, **dict(RAD_EXAM_NEG, **sij("----+-", "no"))),
    "MONITOR", ["RF-INF-05", "SIJ-R5", "RAD-R6", "RAD-N3", "LCS-R5"], ("CONTINUE", "CONTINUE", "UNLIKELY"))


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".json"):
            os.remove(os.path.join(OUT, old))
    for v in V:
        with open(os.path.join(OUT, v["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(v, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print("%d vignettes" % len(V))


if __name__ == "__main__":
    main()
