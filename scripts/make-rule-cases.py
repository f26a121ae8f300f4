#!/usr/bin/env python3
"""Writes tests/data/rule-cases/*.json from the benign baseline and the per-case overrides below.

The case files store complete, already-merged answer sets (the C++ tests read them as they are);
this script is where cases are edited. Run it, then scripts/check-rule-cases.py.

Override conventions: a key set to None is removed (left unanswered); `age` sets age_years and,
unless the case sets it, lbp_onset_age_years = age - 1 (as red-flags.md §5 does).
"""

import collections
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "rule-cases")

# Benign answer for every red-flag input (red-flags.md §5 defaults); temperature_c (optional) unanswered.
BASELINE = collections.OrderedDict([
    ("age_years", 40), ("sex", "male"), ("episode_duration_weeks", 2), ("pain_worsening", False),
    ("pain_new_or_different", False),
    ("bladder_new_dysfunction", False), ("bowel_new_dysfunction", False), ("saddle_sensory_change", False),
    ("sexual_new_dysfunction", False), ("leg_symptoms_bilateral", False),
    ("leg_weakness_progressive", False), ("gait_disturbance_new", False), ("upper_limb_neuro_symptoms", False),
    ("x_motor_grade_min", 5), ("x_multilevel_deficit", False), ("x_umn_signs", False),
    ("rad_h1", False), ("rad_h4", False), ("rad_e4", False), ("rad_e5", False), ("rad_e6", False),
    ("major_trauma", False), ("minor_trauma", False), ("pain_sudden_severe_mechanical", False),
    ("osteoporosis_known", False), ("prior_fragility_fracture", False), ("corticosteroid_prolonged", False),
    ("x_spinal_contusion", False), ("x_spinal_deformity_new", False),
    ("cancer_history", False), ("weight_loss_unexplained", False), ("failure_to_improve_4w", False),
    ("pain_night_unrelenting", False), ("pain_constant_unremitting", False), ("thoracic_pain", False),
    ("fever_or_rigors", False), ("systemically_unwell", False), ("ivdu", False), ("immunosuppressed", False),
    ("diabetes", False), ("recent_infection", False), ("recent_spinal_procedure", False),
    ("lbp_onset_age_years", 39), ("lbp_duration_months", 12),
    ("spa_night_wake", False), ("spa_buttock_pain", False), ("spa_better_moving", False), ("spa_nsaid_48h", False),
    ("spa_family_fdr", False), ("spa_arthritis", False), ("spa_enthesitis", False), ("spa_psoriasis", False),
    ("hx_uveitis", False), ("hx_ibd", False),
    ("pain_sudden_severe_nonpositional", False), ("collapse_or_syncope", False), ("pulsatile_abdominal_mass", False),
    ("known_aaa", False), ("smoker_ever", False), ("cardiovascular_disease", False), ("hypertension", False),
    ("family_hx_aaa", False), ("urinary_symptoms", False), ("loin_pain_colicky", False),
    ("gi_symptoms_linked", False), ("gyn_symptoms_linked", False), ("pain_unaffected_by_movement", False),
])


def merge(over):
    a = collections.OrderedDict(BASELINE)
    over = dict(over)
    if "age" in over:
        age = over.pop("age")
        a["age_years"] = age
        if "lbp_onset_age_years" not in over:
            a["lbp_onset_age_years"] = age - 1
    for k, v in over.items():
        if v is None:
            a.pop(k, None)
        else:
            a[k] = v
    return a


SPA5 = {"spa_night_wake": True, "spa_buttock_pain": True, "spa_better_moving": True, "spa_nsaid_48h": True,
        "spa_family_fdr": True}
INF5_NONE = {"ivdu": None, "immunosuppressed": None, "corticosteroid_prolonged": None, "recent_infection": None,
             "recent_spinal_procedure": None}
NEURO_NONE = {k: None for k in ["leg_weakness_progressive", "x_motor_grade_min", "gait_disturbance_new",
                                "upper_limb_neuro_symptoms", "x_umn_signs", "x_multilevel_deficit",
                                "leg_symptoms_bilateral", "bladder_new_dysfunction", "bowel_new_dysfunction",
                                "saddle_sensory_change", "sexual_new_dysfunction", "rad_h1", "rad_h4", "rad_e4",
                                "rad_e5", "rad_e6"]}
SPA_NONE = {k: None for k in ["spa_night_wake", "spa_buttock_pain", "spa_better_moving", "spa_nsaid_48h",
                              "spa_family_fdr", "spa_arthritis", "spa_enthesitis", "spa_psoriasis"]}

F, N, NE = "fires", "does-not-fire", "not-evaluable"
P, NG, B, UA = "positive", "negative", "boundary", "unanswered"

RF = []


def rf(rule, kind, name, over, expect):
    RF.append((rule, kind, name, over, expect))


def simple_bool(rule, item, stem, neighbour, neighbour_name):
    """A rule that reads one bool: fires on it, not on the baseline, not on its nearest neighbour."""
    rf(rule, P, "FiresOn" + stem, {item: True}, F)
    rf(rule, NG, "DoesNotFireOnBenignAnswers", {}, N)
    rf(rule, B, "DoesNotFireOn" + neighbour_name, dict(neighbour, **{item: False}), N)
    rf(rule, UA, "NotEvaluableWhen%sUnanswered" % stem, {item: None}, NE)


# --- cauda equina
OTHER_CES = {"bladder_new_dysfunction": True, "bowel_new_dysfunction": True, "saddle_sensory_change": True,
             "sexual_new_dysfunction": True, "leg_symptoms_bilateral": True}
simple_bool("RF-CES-01", "bladder_new_dysfunction", "NewBladderDysfunction", OTHER_CES, "EveryOtherCesFeature")
simple_bool("RF-CES-02", "bowel_new_dysfunction", "NewBowelIncontinence", OTHER_CES, "EveryOtherCesFeature")
simple_bool("RF-CES-03", "saddle_sensory_change", "SaddleNumbness", OTHER_CES, "EveryOtherCesFeature")
simple_bool("RF-CES-04", "sexual_new_dysfunction", "NewSexualDysfunction", OTHER_CES, "EveryOtherCesFeature")
simple_bool("RF-CES-05", "leg_symptoms_bilateral", "BilateralLegSymptoms", {"x_multilevel_deficit": True},
            "ExaminedMultilevelDeficitOnly")
rf("RF-CES-05", P, "FiresBesideBladderDysfunction", {"leg_symptoms_bilateral": True, "bladder_new_dysfunction": True}, F)
rf("RF-CES-05", UA, "FiresWhenBladderUnanswered", {"leg_symptoms_bilateral": True, "bladder_new_dysfunction": None}, F)

# --- neurology
simple_bool("RF-NEU-01", "leg_weakness_progressive", "ProgressiveWeakness", {"x_motor_grade_min": 3},
            "StaticGradeThreeWeakness")
rf("RF-NEU-02", P, "FiresOnUpperMotorNeuroneSigns", {"x_umn_signs": True}, F)
rf("RF-NEU-02", P, "FiresOnNewGaitDisturbance", {"gait_disturbance_new": True}, F)
rf("RF-NEU-02", B, "FiresOnUpperLimbSymptomsAlone", {"upper_limb_neuro_symptoms": True}, F)
rf("RF-NEU-02", B, "DoesNotFireOnBilateralLegsAndMultilevelDeficit",
   {"leg_symptoms_bilateral": True, "x_multilevel_deficit": True}, N)
rf("RF-NEU-02", NG, "DoesNotFireOnBenignAnswers", {}, N)
rf("RF-NEU-02", UA, "NotEvaluableWhenGaitUnansweredOthersFalse", {"gait_disturbance_new": None}, NE)
rf("RF-NEU-02", UA, "FiresWhenUmnSignsTrueOthersUnanswered",
   {"x_umn_signs": True, "gait_disturbance_new": None, "upper_limb_neuro_symptoms": None}, F)
rf("RF-NEU-03", P, "FiresOnGradeThree", {"x_motor_grade_min": 3}, F)
rf("RF-NEU-03", P, "FiresOnGradeZero", {"x_motor_grade_min": 0}, F)
rf("RF-NEU-03", B, "DoesNotFireOnGradeFour", {"x_motor_grade_min": 4}, N)
rf("RF-NEU-03", NG, "DoesNotFireOnGradeFive", {}, N)
rf("RF-NEU-03", UA, "NotEvaluableWhenMotorGradeUnanswered", {"x_motor_grade_min": None}, NE)
simple_bool("RF-NEU-04", "x_multilevel_deficit", "ExaminedMultilevelDeficit", {"leg_symptoms_bilateral": True},
            "ReportedBilateralSymptomsOnly")

# --- fracture
simple_bool("RF-FX-01", "major_trauma", "MajorTrauma", {"minor_trauma": True}, "MinorTraumaOnly")
simple_bool("RF-FX-02", "x_spinal_contusion", "SpinalContusion", {"x_spinal_deformity_new": True}, "DeformityOnly")
simple_bool("RF-FX-03", "corticosteroid_prolonged", "ProlongedCorticosteroids", {"immunosuppressed": True},
            "NonSteroidImmunosuppression")
rf("RF-FX-04", P, "FiresOnOsteoporosisWithMinorTrauma", {"osteoporosis_known": True, "minor_trauma": True}, F)
rf("RF-FX-04", P, "FiresOnFragilityFractureWithSuddenSeverePain",
   {"prior_fragility_fracture": True, "pain_sudden_severe_mechanical": True}, F)
rf("RF-FX-04", B, "DoesNotFireOnOsteoporosisWithoutTrigger", {"osteoporosis_known": True}, N)
rf("RF-FX-04", B, "DoesNotFireOnMinorTraumaWithoutOsteoporosis", {"minor_trauma": True}, N)
rf("RF-FX-04", NG, "DoesNotFireOnBenignAnswers", {}, N)
rf("RF-FX-04", UA, "NotEvaluableWhenTriggersUnanswered",
   {"osteoporosis_known": True, "minor_trauma": None, "pain_sudden_severe_mechanical": None}, NE)
rf("RF-FX-04", UA, "DecidedWhenNoOsteoporosisAndTriggersUnanswered",
   {"minor_trauma": None, "pain_sudden_severe_mechanical": None}, N)
rf("RF-FX-05", P, "FiresOnAge71WithMinorTrauma", {"age": 71, "minor_trauma": True}, F)
rf("RF-FX-05", B, "DoesNotFireOnAge70WithMinorTrauma", {"age": 70, "minor_trauma": True}, N)
rf("RF-FX-05", NG, "DoesNotFireOnAge71WithoutTrauma", {"age": 71}, N)
rf("RF-FX-05", UA, "NotEvaluableWhenAgeUnansweredWithMinorTrauma",
   {"age_years": None, "minor_trauma": True}, NE)
rf("RF-FX-05", UA, "DecidedWhenNoTraumaAndAgeUnanswered", {"age_years": None}, N)
rf("RF-FX-06", P, "FiresOnFemaleAged71", {"age": 71, "sex": "female"}, F)
rf("RF-FX-06", P, "FiresOnSexOtherUnknownAged72", {"age": 72, "sex": "other_unknown"}, F)
rf("RF-FX-06", B, "DoesNotFireOnFemaleAged70", {"age": 70, "sex": "female"}, N)
rf("RF-FX-06", NG, "DoesNotFireOnMaleAged71", {"age": 71}, N)
rf("RF-FX-06", UA, "NotEvaluableWhenSexUnansweredAged71", {"age": 71, "sex": None}, NE)
rf("RF-FX-06", UA, "DecidedWhenAged40AndSexUnanswered", {"sex": None}, N)
rf("RF-FX-07", P, "FiresOnAge71", {"age": 71}, F)
rf("RF-FX-07", B, "DoesNotFireOnAge70", {"age": 70}, N)
rf("RF-FX-07", NG, "DoesNotFireOnAge40", {}, N)
rf("RF-FX-07", UA, "NotEvaluableWhenAgeUnanswered", {"age_years": None}, NE)
simple_bool("RF-FX-08", "x_spinal_deformity_new", "NewSpinalDeformity", {"x_spinal_contusion": True},
            "ContusionOnly")
rf("RF-FX-09", P, "FiresOnDeformityAged74", {"age": 74, "x_spinal_deformity_new": True}, F)
rf("RF-FX-09", P, "FiresOnDeformityWithOsteoporosisAlone",
   {"x_spinal_deformity_new": True, "osteoporosis_known": True}, F)
rf("RF-FX-09", B, "DoesNotFireOnDeformityAged70", {"age": 70, "x_spinal_deformity_new": True}, N)
rf("RF-FX-09", B, "FiresOnDeformityAged71", {"age": 71, "x_spinal_deformity_new": True}, F)
rf("RF-FX-09", NG, "DoesNotFireOnDeformityWithoutFractureFeature", {"x_spinal_deformity_new": True}, N)
rf("RF-FX-09", UA, "NotEvaluableWhenSteroidsUnanswered",
   {"x_spinal_deformity_new": True, "corticosteroid_prolonged": None}, NE)
rf("RF-FX-09", UA, "DecidedWhenNoDeformityAndRiskUnanswered",
   {"major_trauma": None, "minor_trauma": None, "x_spinal_contusion": None, "corticosteroid_prolonged": None,
    "osteoporosis_known": None, "prior_fragility_fracture": None, "pain_sudden_severe_mechanical": None,
    "age_years": None}, N)

# --- malignancy
rf("RF-MAL-01", P, "FiresOnCancerHistoryWithGradeFourWeakness", {"cancer_history": True, "x_motor_grade_min": 4}, F)
rf("RF-MAL-01", P, "FiresOnCancerHistoryWithRadicularPain", {"cancer_history": True, "rad_h1": True}, F)
rf("RF-MAL-01", B, "DoesNotFireOnCancerHistoryWithGradeFive", {"cancer_history": True}, N)
rf("RF-MAL-01", NG, "DoesNotFireOnNeurologyWithoutCancer", {"rad_h1": True, "x_motor_grade_min": 4}, N)
rf("RF-MAL-01", UA, "DecidedWhenNoCancerAndNeurologyUnanswered", NEURO_NONE, N)
rf("RF-MAL-01", UA, "NotEvaluableWhenCancerAndRadicularPainUnanswered", {"cancer_history": True, "rad_h1": None}, NE)
simple_bool("RF-MAL-02", "cancer_history", "CancerHistory", {"weight_loss_unexplained": True}, "WeightLossOnly")
simple_bool("RF-MAL-03", "weight_loss_unexplained", "UnexplainedWeightLoss", {"cancer_history": True},
            "CancerHistoryOnly")
rf("RF-MAL-C1", P, "FiresOnWeightLossAged51", {"age": 51, "weight_loss_unexplained": True}, F)
rf("RF-MAL-C1", P, "FiresOnWeightLossWithThoracicPain", {"weight_loss_unexplained": True, "thoracic_pain": True}, F)
rf("RF-MAL-C1", B, "DoesNotFireOnWeightLossAged50", {"age": 50, "weight_loss_unexplained": True}, N)
rf("RF-MAL-C1", NG, "DoesNotFireOnWeakFeaturesWithoutWeightLoss", {"age": 60, "thoracic_pain": True}, N)
rf("RF-MAL-C1", UA, "FiresWhenAge60AndOtherFeaturesUnanswered",
   {"age": 60, "weight_loss_unexplained": True, "failure_to_improve_4w": None, "thoracic_pain": None}, F)
rf("RF-MAL-C1", UA, "NotEvaluableWhenOnlyFeatureUnanswered",
   {"weight_loss_unexplained": True, "thoracic_pain": None}, NE)
rf("RF-MAL-C1", UA, "DecidedWhenNoWeightLossAndFeaturesUnanswered",
   {"age_years": None, "failure_to_improve_4w": None, "pain_night_unrelenting": None,
    "pain_constant_unremitting": None, "thoracic_pain": None}, N)
rf("RF-MAL-04", P, "FiresOnAge51", {"age": 51}, F)
rf("RF-MAL-04", B, "DoesNotFireOnAge50", {"age": 50}, N)
rf("RF-MAL-04", NG, "DoesNotFireOnAge40", {}, N)
rf("RF-MAL-04", UA, "NotEvaluableWhenAgeUnanswered", {"age_years": None}, NE)
simple_bool("RF-MAL-05", "failure_to_improve_4w", "NoImprovementAfterFourWeeks",
            {"episode_duration_weeks": 26}, "LongEpisodeOnly")
rf("RF-MAL-06", P, "FiresOnUnrelentingNightPain", {"pain_night_unrelenting": True}, F)
rf("RF-MAL-06", P, "FiresOnConstantPain", {"pain_constant_unremitting": True}, F)
rf("RF-MAL-06", B, "DoesNotFireOnPainUnaffectedByMovement", {"pain_unaffected_by_movement": True}, N)
rf("RF-MAL-06", NG, "DoesNotFireOnBenignAnswers", {}, N)
rf("RF-MAL-06", UA, "NotEvaluableWhenConstantPainUnanswered", {"pain_constant_unremitting": None}, NE)
rf("RF-MAL-06", UA, "FiresWhenNightPainTrueConstantUnanswered",
   {"pain_night_unrelenting": True, "pain_constant_unremitting": None}, F)
simple_bool("RF-MAL-07", "thoracic_pain", "ThoracicPain", {"age": 51, "failure_to_improve_4w": True},
            "OtherWeakFeatures")
rf("RF-MAL-C2", P, "FiresOnAge60WithNoImprovement", {"age": 60, "failure_to_improve_4w": True}, F)
rf("RF-MAL-C2", B, "FiresOnExactlyTwoFeatures", {"age": 51, "thoracic_pain": True}, F)
rf("RF-MAL-C2", B, "DoesNotFireOnNightAndConstantPainAsOneFeature",
   {"pain_night_unrelenting": True, "pain_constant_unremitting": True}, N)
rf("RF-MAL-C2", NG, "DoesNotFireOnAge60Alone", {"age": 60}, N)
rf("RF-MAL-C2", UA, "NotEvaluableWhenSecondFeatureUnanswered", {"age": 60, "failure_to_improve_4w": None}, NE)
rf("RF-MAL-C2", UA, "FiresWhenTwoKnownAndThoracicUnanswered",
   {"age": 60, "failure_to_improve_4w": True, "thoracic_pain": None}, F)
rf("RF-MAL-C3", P, "FiresOnAge60NoImprovementThoracicPain",
   {"age": 60, "failure_to_improve_4w": True, "thoracic_pain": True}, F)
rf("RF-MAL-C3", P, "FiresOnAllFourFeatures",
   {"age": 60, "failure_to_improve_4w": True, "thoracic_pain": True, "pain_night_unrelenting": True}, F)
rf("RF-MAL-C3", B, "DoesNotFireOnTwoFeatures", {"age": 60, "failure_to_improve_4w": True}, N)
rf("RF-MAL-C3", NG, "DoesNotFireOnBenignAnswers", {}, N)
rf("RF-MAL-C3", UA, "NotEvaluableWhenThirdFeatureUnanswered",
   {"age": 60, "failure_to_improve_4w": True, "thoracic_pain": None}, NE)

# --- infection
rf("RF-INF-01", P, "FiresOnFeverWithInjectingDrugUse", {"fever_or_rigors": True, "ivdu": True}, F)
rf("RF-INF-01", P, "FiresOnFeverWithRadicularPainAndNoDeficit", {"fever_or_rigors": True, "rad_h1": True}, F)
rf("RF-INF-01", P, "FiresOnUnwellWithDiabetes", {"systemically_unwell": True, "diabetes": True}, F)
rf("RF-INF-01", B, "FiresOnMeasured38WithDiabetes", {"temperature_c": 38.0, "diabetes": True}, F)
rf("RF-INF-01", B, "DoesNotFireOnMeasured37Point9WithDiabetes", {"temperature_c": 37.9, "diabetes": True}, N)
rf("RF-INF-01", NG, "DoesNotFireOnFeverAlone", {"fever_or_rigors": True}, N)
rf("RF-INF-01", UA, "DecidedWhenNoFeverAndRiskUnanswered", dict(INF5_NONE, diabetes=None, **NEURO_NONE), N)
rf("RF-INF-01", UA, "NotEvaluableWhenFeverAndDrugUseUnanswered", {"fever_or_rigors": True, "ivdu": None}, NE)
rf("RF-INF-02", P, "FiresOnReportedFever", {"fever_or_rigors": True}, F)
rf("RF-INF-02", P, "FiresOnSystemicallyUnwell", {"systemically_unwell": True}, F)
rf("RF-INF-02", B, "FiresOnMeasured38", {"temperature_c": 38.0}, F)
rf("RF-INF-02", B, "DoesNotFireOnMeasured37Point9", {"temperature_c": 37.9}, N)
rf("RF-INF-02", NG, "DoesNotFireOnBenignAnswers", {}, N)
rf("RF-INF-02", UA, "NotEvaluableWhenFeverQuestionUnanswered", {"fever_or_rigors": None}, NE)
rf("RF-INF-02", UA, "FiresOnMeasuredFeverWhenFeverQuestionUnanswered",
   {"fever_or_rigors": None, "temperature_c": 38.5}, F)
rf("RF-INF-03", P, "FiresOnDrugUseInTwoWeekEpisode", {"ivdu": True}, F)
rf("RF-INF-03", P, "FiresOnSteroidsWithWorseningLongEpisode",
   {"corticosteroid_prolonged": True, "episode_duration_weeks": 26, "pain_worsening": True}, F)
rf("RF-INF-03", B, "FiresOnImmunosuppressionAtSixWeeks", {"immunosuppressed": True, "episode_duration_weeks": 6}, F)
rf("RF-INF-03", B, "DoesNotFireOnImmunosuppressionAtSevenWeeks",
   {"immunosuppressed": True, "episode_duration_weeks": 7}, N)
rf("RF-INF-03", NG, "DoesNotFireOnImmunosuppressionAt26WeeksNotWorsening",
   {"immunosuppressed": True, "episode_duration_weeks": 26}, N)
rf("RF-INF-03", UA, "NotEvaluableWhenEpisodeDurationUnanswered",
   {"immunosuppressed": True, "episode_duration_weeks": None}, NE)
rf("RF-INF-03", UA, "DecidedWhenNoRiskAndDurationUnanswered",
   {"episode_duration_weeks": None, "pain_worsening": None}, N)
simple_bool("RF-INF-04", "diabetes", "Diabetes", {"immunosuppressed": True}, "ImmunosuppressionOnly")
rf("RF-INF-05", P, "FiresOnImmunosuppressionAt26Weeks", {"immunosuppressed": True, "episode_duration_weeks": 26}, F)
rf("RF-INF-05", P, "FiresOnRecentSpinalProcedure", {"recent_spinal_procedure": True}, F)
rf("RF-INF-05", B, "DoesNotFireOnDiabetesOnly", {"diabetes": True}, N)
rf("RF-INF-05", NG, "DoesNotFireOnBenignAnswers", {}, N)
rf("RF-INF-05", UA, "NotEvaluableWhenRecentInfectionUnanswered", {"recent_infection": None}, NE)

# --- axial spondyloarthritis (NG65)
T13 = {"age": 30, "lbp_onset_age_years": 28, "lbp_duration_months": 6, "spa_night_wake": True,
       "spa_buttock_pain": True, "spa_better_moving": True}
T14 = dict(T13, spa_better_moving=False)
rf("RF-AXS-01", P, "FiresOnOnsetBefore35WithThreeFeatures", T13, F)
rf("RF-AXS-01", B, "DoesNotFireOnOnsetExactly45", dict(SPA5, age=47, lbp_onset_age_years=45, lbp_duration_months=24), N)
rf("RF-AXS-01", B, "DoesNotFireOnDurationExactly3Months", dict(SPA5, age=31, lbp_onset_age_years=30, lbp_duration_months=3.0), N)
rf("RF-AXS-01", B, "FiresOnDuration3Point1Months", dict(SPA5, age=31, lbp_onset_age_years=30, lbp_duration_months=3.1), F)
rf("RF-AXS-01", NG, "DoesNotFireOnThreeCriteria", T14, N)
rf("RF-AXS-01", UA, "DecidedWhenOnsetAt52AndSpaUnanswered", dict(SPA_NONE, age=60, lbp_onset_age_years=52), N)
rf("RF-AXS-01", UA, "NotEvaluableWhenFourthCriterionUnanswered",
   {"spa_night_wake": True, "spa_buttock_pain": True, "spa_better_moving": True, "spa_nsaid_48h": None}, NE)
rf("RF-AXS-02", P, "FiresOnExactlyThreeCriteria", T14, F)
rf("RF-AXS-02", B, "DoesNotFireOnFourCriteria", T13, N)
rf("RF-AXS-02", B, "DoesNotFireOnTwoCriteria", dict(T14, spa_buttock_pain=False), N)
rf("RF-AXS-02", NG, "DoesNotFireOnThreeCriteriaWithGateClosed",
   {"age": 50, "lbp_onset_age_years": 45, "spa_night_wake": True, "spa_buttock_pain": True, "spa_better_moving": True}, N)
rf("RF-AXS-02", UA, "NotEvaluableWhenCountCouldBeThreeOrFour",
   {"spa_night_wake": True, "spa_buttock_pain": True, "spa_better_moving": True, "spa_nsaid_48h": None}, NE)
rf("RF-AXS-02", UA, "DecidedWhenOnsetAt52AndSpaUnanswered", dict(SPA_NONE, age=60, lbp_onset_age_years=52), N)
rf("RF-AXS-03", P, "FiresOnGateOpenWithUveitis", {"hx_uveitis": True}, F)
rf("RF-AXS-03", P, "FiresOnTwoCriteriaIncludingPsoriasis", {"spa_psoriasis": True, "spa_arthritis": True}, F)
rf("RF-AXS-03", B, "DoesNotFireOnThreeCriteriaWithUveitis",
   {"hx_uveitis": True, "spa_night_wake": True, "spa_buttock_pain": True, "spa_better_moving": True}, N)
rf("RF-AXS-03", NG, "DoesNotFireOnUveitisWithGateClosed", {"hx_uveitis": True, "lbp_duration_months": 3}, N)
rf("RF-AXS-03", UA, "NotEvaluableWhenPsoriasisUnansweredAtTwoCriteria",
   {"spa_night_wake": True, "spa_buttock_pain": True, "spa_psoriasis": None}, NE)
rf("RF-AXS-03", UA, "FiresWhenIbdTrueAndUveitisUnanswered", {"hx_ibd": True, "hx_uveitis": None}, F)
T15 = dict(SPA5, age=47, lbp_onset_age_years=45, lbp_duration_months=24)
rf("RF-AXS-04", P, "FiresOnOnset45WithFiveFeatures", T15, F)
rf("RF-AXS-04", P, "FiresOnThreeMonthsWithFiveFeatures", dict(SPA5, age=31, lbp_onset_age_years=30, lbp_duration_months=3), F)
rf("RF-AXS-04", B, "FiresOnOnset49", dict(T15, age=51, lbp_onset_age_years=49), F)
rf("RF-AXS-04", B, "DoesNotFireOnOnset50", dict(T15, age=52, lbp_onset_age_years=50), N)
rf("RF-AXS-04", NG, "DoesNotFireWhenGateOpen", dict(SPA5, lbp_duration_months=24), N)
rf("RF-AXS-04", B, "DoesNotFireOnTwoFeaturesAtOnset46",
   {"age": 48, "lbp_onset_age_years": 46, "spa_night_wake": True, "spa_buttock_pain": True}, N)
rf("RF-AXS-04", UA, "NotEvaluableWhenOnsetAgeUnanswered", dict(SPA5, lbp_onset_age_years=None), NE)
rf("RF-AXS-04", UA, "DecidedWhenOnsetAt52AndSpaUnanswered", dict(SPA_NONE, age=60, lbp_onset_age_years=52), N)

# --- vascular and visceral
rf("RF-VASC-01", P, "FiresOnSuddenSevereNonPositionalPain", {"pain_sudden_severe_nonpositional": True}, F)
rf("RF-VASC-01", P, "FiresOnCollapse", {"collapse_or_syncope": True}, F)
rf("RF-VASC-01", B, "DoesNotFireOnSuddenSevereMechanicalPain", {"pain_sudden_severe_mechanical": True}, N)
rf("RF-VASC-01", NG, "DoesNotFireOnBenignAnswers", {}, N)
rf("RF-VASC-01", UA, "NotEvaluableWhenCollapseUnanswered", {"collapse_or_syncope": None}, NE)
rf("RF-VASC-02", P, "FiresOnKnownAaaWithNewPain", {"age": 50, "known_aaa": True, "pain_new_or_different": True}, F)
rf("RF-VASC-02", P, "FiresOnPulsatileMassWithNewPain", {"pulsatile_abdominal_mass": True, "pain_new_or_different": True}, F)
rf("RF-VASC-02", B, "DoesNotFireOnKnownAaaWithUsualPain", {"age": 50, "known_aaa": True}, N)
rf("RF-VASC-02", NG, "DoesNotFireOnNewPainWithoutAneurysm", {"pain_new_or_different": True}, N)
rf("RF-VASC-02", UA, "NotEvaluableWhenNewPainUnansweredWithKnownAaa",
   {"known_aaa": True, "pain_new_or_different": None}, NE)
rf("RF-VASC-02", UA, "DecidedWhenNoAneurysmAndNewPainUnanswered", {"pain_new_or_different": None}, N)
T19 = {"age": 70, "smoker_ever": True, "pain_unaffected_by_movement": True}
rf("RF-VASC-03", P, "FiresOnSmokingMaleAged70WithNonMechanicalPain", T19, F)
rf("RF-VASC-03", P, "FiresOnSexOtherUnknownWithHypertension",
   {"age": 66, "sex": "other_unknown", "hypertension": True, "pain_unaffected_by_movement": True}, F)
rf("RF-VASC-03", B, "FiresOnAge65", dict(T19, age=65), F)
rf("RF-VASC-03", B, "DoesNotFireOnAge64", dict(T19, age=64), N)
rf("RF-VASC-03", NG, "DoesNotFireOnFemaleAged70", dict(T19, sex="female"), N)
rf("RF-VASC-03", UA, "DecidedWhenFemaleAndRiskFactorsUnanswered",
   dict(T19, sex="female", smoker_ever=None, cardiovascular_disease=None, hypertension=None, family_hx_aaa=None), N)
rf("RF-VASC-03", UA, "NotEvaluableWhenSexUnanswered", dict(T19, sex=None), NE)
simple_bool("RF-VISC-01", "urinary_symptoms", "UrinarySymptoms", {"gi_symptoms_linked": True}, "GiSymptomsOnly")
rf("RF-VISC-01", P, "FiresOnColickyLoinPain", {"loin_pain_colicky": True}, F)
simple_bool("RF-VISC-02", "gi_symptoms_linked", "GiSymptoms", {"urinary_symptoms": True}, "UrinarySymptomsOnly")
simple_bool("RF-VISC-03", "gyn_symptoms_linked", "GynaecologicalSymptoms", {"gi_symptoms_linked": True},
            "GiSymptomsOnly")
simple_bool("RF-VISC-04", "pain_unaffected_by_movement", "PainUnaffectedByMovement",
            {"pain_constant_unremitting": True}, "ConstantPainOnly")

# ============================================================================ pattern screens
PT = []


def pt(rule, kind, name, over, expect, fires, **extra):
    PT.append((rule, kind, name, over, expect, fires, extra))


SIJ = ["sij_t1", "sij_t2", "sij_t3", "sij_t4", "sij_t5_left", "sij_t5_right"]
CODE = {"+": "positive", "-": "negative", "0": "not_performed", ".": None}


def sij(pattern, cen=None):
    """pattern: six characters for T1, T2, T3, T4, T5L, T5R: + - 0 (not_performed) . (unanswered)."""
    out = {k: CODE[c] for k, c in zip(SIJ, pattern) if CODE[c] is not None}
    if cen:
        out["centralises_with_repeated_movement"] = cen
    return out


EMERG = {"saddle_sensory_change": True}
SOON = {"weight_loss_unexplained": True}
MONITOR = {"age": 51}
INCOMPLETE = {"thoracic_pain": None}

pt("SIJ-R0", P, "SuppressedByEmergencyTriage", dict(EMERG, **sij("++----", "no")), "SUPPRESSED", True)
pt("SIJ-R0", B, "SuppressedBySoonTriage", dict(SOON, **sij("++----", "no")), "SUPPRESSED", True)
pt("SIJ-R0", NG, "NotSuppressedByMonitorTriage", dict(MONITOR, **sij("++----", "no")), "ASSESS", False)
pt("SIJ-R0", B, "NotSuppressedByIncompleteTriage", dict(INCOMPLETE, **sij("++----", "no")), "ASSESS", False,
   provisional=True)
pt("SIJ-R1", P, "NotAssessedWhenNoTestAnswered", {}, "NOT_ASSESSED", True)
pt("SIJ-R1", P, "NotAssessedWhenEveryTestNotPerformed", sij("000000", "yes"), "NOT_ASSESSED", True)
pt("SIJ-R1", B, "OneGaenslenSideMakesItAssessed", sij("....-."), "INCOMPLETE", False)
pt("SIJ-R1", NG, "OneMainTestMakesItAssessed", sij("-....."), "INCOMPLETE", False)
pt("SIJ-R2", P, "ContinueWhenClusterPositiveButCentralises", sij("+++-..", "yes"), "CONTINUE", True,
   fired=["SIJ-R2", "SIJ-N1"])
pt("SIJ-R2", B, "ContinueOnTwoOfFourWithCentralisation", sij("++....", "yes"), "CONTINUE", True)
pt("SIJ-R2", NG, "AssessWhenClusterPositiveWithoutCentralisation", sij("+++-..", "no"), "ASSESS", False)
pt("SIJ-R2", B, "NoMatchWhenClusterNegativeDespiteCentralisation", sij("+---+-", "yes"), "CONTINUE", False,
   fired=["SIJ-R5"])
pt("SIJ-R3", P, "AssessOnTwoOfFourWithCentralisationNotTested", sij("++--..", "not_tested"), "ASSESS", True,
   fired=["SIJ-R3", "SIJ-N2"])
pt("SIJ-R3", B, "AssessOnThreeOfSix", sij("+---++", "no"), "ASSESS", True, fired=["SIJ-R3"])
pt("SIJ-R3", B, "ContinueOnTwoOfSix", sij("+---+-", "no"), "CONTINUE", False, fired=["SIJ-R5"])
pt("SIJ-R3", P, "ClusterBeatsMissingTests", sij("++....", "no"), "ASSESS", True)
pt("SIJ-R3", NG, "ContinueWhenEveryTestNegative", sij("------", "no"), "CONTINUE", False)
pt("SIJ-R4", P, "IncompleteWhenT3AndT4NotPerformed", sij("--....", "no"), "INCOMPLETE", True,
   fired=["SIJ-R4", "SIJ-N3"], names=["SIJ-T3", "SIJ-T4"])
pt("SIJ-R4", P, "IncompleteOnGaenslenOnlyTwoOfSix", sij("....++"), "INCOMPLETE", True,
   names=["SIJ-T1", "SIJ-T2", "SIJ-T3", "SIJ-T4"])
pt("SIJ-R4", B, "IncompleteWithThreeOfFourPerformed", sij("---0..", "no"), "INCOMPLETE", True, names=["SIJ-T4"])
pt("SIJ-R4", B, "ContinueWithAllFourPerformed", sij("----..", "no"), "CONTINUE", False)
pt("SIJ-R4", NG, "AssessWhenClusterPositive", sij("++....", "not_tested"), "ASSESS", False)
pt("SIJ-R5", P, "ContinueWhenAllFourNegative", sij("----..", "no"), "CONTINUE", True, fired=["SIJ-R5", "SIJ-N4"])
pt("SIJ-R5", B, "ContinueOnOneOfFourAndOneGaenslen", sij("+---+-", "no"), "CONTINUE", True, fired=["SIJ-R5"])
pt("SIJ-R5", NG, "IncompleteWhenT4Unanswered", sij("---...", "no"), "INCOMPLETE", False)
pt("SIJ-N1", P, "FiresWithCentralisingPositiveCluster", sij("+++-..", "yes"), "fires", True)
pt("SIJ-N1", B, "FiresOnTwoOfFourWithCentralisation", sij("++....", "yes"), "fires", True)
pt("SIJ-N1", NG, "DoesNotFireWithoutCentralisation", sij("+++-..", "no"), "does-not-fire", False)
pt("SIJ-N2", P, "FiresWhenCentralisationUnanswered", sij("++--.."), "fires", True)
pt("SIJ-N2", P, "FiresWhenCentralisationNotTested", sij("++--..", "not_tested"), "fires", True)
pt("SIJ-N2", NG, "DoesNotFireWhenCentralisationTestedNo", sij("++--..", "no"), "does-not-fire", False)
pt("SIJ-N2", B, "DoesNotFireOnNegativeClusterNotTested", sij("----..", "not_tested"), "does-not-fire", False)
pt("SIJ-N3", P, "FiresAndNamesTestsNotPerformed", sij("--00..", "no"), "fires", True, names=["SIJ-T3", "SIJ-T4"])
pt("SIJ-N3", B, "FiresWithOneTestMissing", sij("-0--..", "no"), "fires", True, names=["SIJ-T2"])
pt("SIJ-N3", NG, "DoesNotFireWithAllFourPerformed", sij("----..", "no"), "does-not-fire", False)
pt("SIJ-N4", P, "FiresWhenEveryPerformedTestNegative", sij("------", "no"), "fires", True)
pt("SIJ-N4", B, "DoesNotFireWithOnePositiveGaenslen", sij("----+.", "no"), "does-not-fire", False)
pt("SIJ-N4", NG, "DoesNotFireWithOnePositiveMainTest", sij("+---..", "no"), "does-not-fire", False)

# radicular
NO_RAD = {"rad_h1": None, "rad_h4": None, "rad_e4": None, "rad_e5": None, "rad_e6": None}
NO_EXAM = {"rad_e4": None, "rad_e5": None, "rad_e6": None}
EXAM_NEG = {"rad_e1_leg_pain": False, "rad_e2": False, "rad_e3": False}


def slr(angle, sens=None, eased=None):
    out = {"rad_e1_leg_pain": True, "rad_e1_angle_deg": angle, "rad_e2": False, "rad_e3": False}
    if sens is not None:
        out["rad_e1_sensitising"] = sens
    if eased is not None:
        out["rad_e1_eased_lowering"] = eased
    return out


H12 = {"rad_h1": True, "rad_h2": True}
pt("RAD-R0", P, "SuppressedByUrgentTriage", dict(H12, leg_symptoms_bilateral=True, **EXAM_NEG), "SUPPRESSED", True)
pt("RAD-R0", B, "SuppressedBySoonTriage", dict(SOON, **H12), "SUPPRESSED", True)
pt("RAD-R0", NG, "NotSuppressedByMonitorTriage", dict(MONITOR, rad_e5=True), "ASSESS", False)
pt("RAD-R0", B, "NotSuppressedByIncompleteTriage", dict(INCOMPLETE, rad_e5=True), "ASSESS", False, provisional=True)
pt("RAD-R1", P, "NotAssessedWhenNothingAnswered", NO_RAD, "NOT_ASSESSED", True)
pt("RAD-R1", B, "AnsweredNoToLegPainWorseIsAssessed", dict(NO_RAD, rad_h2=False), "CONTINUE", False)
pt("RAD-R1", NG, "ContinueWhenHistoryAndExamAnsweredNo", {}, "CONTINUE", False)
pt("RAD-R2", P, "AssessOnReflexChange", {"rad_e5": True}, "ASSESS", True)
pt("RAD-R2", P, "AssessOnMyotomalWeakness", {"rad_e4": True, "x_motor_grade_min": 4}, "ASSESS", True)
pt("RAD-R2", B, "AssessOnDeficitAloneScoreOne", dict(EXAM_NEG, rad_e6=True), "ASSESS", True, fired=["RAD-R2"])
pt("RAD-R2", P, "ReportsEveryHoldingAssessRule",
   dict(H12, rad_e4=True, x_motor_grade_min=4, rad_e2=True, rad_e1_leg_pain=False, rad_e3=False), "ASSESS", True,
   fired=["RAD-R2", "RAD-R3", "RAD-R4"])
pt("RAD-R2", NG, "ContinueWhenExamNegative", dict(EXAM_NEG), "CONTINUE", False)
pt("RAD-R3", P, "AssessOnBelowKneePainWithCrossedSlr", dict(EXAM_NEG, rad_h1=True, rad_e2=True), "ASSESS", True,
   fired=["RAD-R3"])
pt("RAD-R3", B, "AssessOnCrossedSlrAlone", dict(EXAM_NEG, rad_e2=True), "ASSESS", True)
pt("RAD-R3", NG, "ContinueWithoutCrossedSlr", dict(EXAM_NEG, rad_h1=True), "CONTINUE", False)
pt("RAD-R4", B, "AssessOnScoreThree", dict(H12, **slr(45, sens=True)), "ASSESS", True, fired=["RAD-R4"])
pt("RAD-R4", B, "ContinueOnScoreTwo", dict(H12, **EXAM_NEG), "CONTINUE", False, fired=["RAD-R6", "RAD-N4"])
pt("RAD-R4", P, "AssessOnThreeHistoryItems", dict(H12, rad_h4=True, **EXAM_NEG), "ASSESS", True)
pt("RAD-R4", B, "SlrAt70EasedByLoweringIsPositive", dict(H12, **slr(70, eased=True)), "ASSESS", True)
pt("RAD-R4", B, "SlrAt71EasedOnlyIsNotPositive", dict(H12, **slr(71, eased=True)), "CONTINUE", False,
   fired=["RAD-N2", "RAD-R6", "RAD-N4"])
pt("RAD-R4", B, "SlrAt71WithSensitisingIsPositive", dict(H12, **slr(71, sens=True)), "ASSESS", True)
pt("RAD-R4", B, "SlrAt25WithoutSensitisingIsPositive", dict(H12, **slr(25)), "ASSESS", True,
   fired=["RAD-R4", "RAD-N1"])
pt("RAD-R4", B, "SlrAt30WithoutSensitisingIsNotPositive", dict(H12, **slr(30, sens=False, eased=False)), "CONTINUE",
   False)
pt("RAD-R4", NG, "ContinueOnBenignAnswers", {}, "CONTINUE", False)
pt("RAD-R5", P, "IncompleteOnBelowKneePainWithoutExam", dict(NO_EXAM, rad_h1=True), "INCOMPLETE", True,
   names=["RAD-E1", "RAD-E2", "RAD-E3", "RAD-E4", "RAD-E5", "RAD-E6"])
pt("RAD-R5", B, "OneExamItemAnsweredIsEnough", dict(NO_EXAM, rad_h1=True, rad_e1_leg_pain=False), "CONTINUE", False)
pt("RAD-R5", NG, "ContinueWhenHistoryNoWithoutExam", dict(NO_EXAM, rad_h2=False), "CONTINUE", False)
pt("RAD-R6", P, "ContinueOnBenignAnswers", {}, "CONTINUE", True, fired=["RAD-R6", "RAD-N3"])
pt("RAD-R6", P, "ContinueWhenHistoryNoWithoutExam", dict(NO_EXAM, rad_h2=False), "CONTINUE", True)
pt("RAD-R6", B, "ContinueOnScoreTwo", dict(H12, **EXAM_NEG), "CONTINUE", True)
pt("RAD-R6", NG, "IncompleteOnLegSymptomsWithoutExam", dict(NO_EXAM, rad_h4=True), "INCOMPLETE", False)
pt("RAD-N1", P, "FiresOnSlrAt25", dict(H12, **slr(25)), "fires", True)
pt("RAD-N1", B, "DoesNotFireOnSlrAt30", dict(H12, **slr(30, sens=True)), "does-not-fire", False)
pt("RAD-N1", NG, "DoesNotFireWithoutSlrLegPain", dict(EXAM_NEG), "does-not-fire", False)
pt("RAD-N2", P, "FiresOnSlrAt71EasedOnly", dict(H12, **slr(71, eased=True)), "fires", True)
pt("RAD-N2", B, "DoesNotFireOnSlrAt70", dict(H12, **slr(70, eased=True)), "does-not-fire", False)
pt("RAD-N2", NG, "DoesNotFireOnSlrAt71WithSensitising", dict(H12, **slr(71, sens=True)), "does-not-fire", False)
pt("RAD-N3", P, "FiresOnContinueWithoutBelowKneePain", {}, "fires", True)
pt("RAD-N3", NG, "DoesNotFireWithBelowKneePain", dict(EXAM_NEG, rad_h1=True), "does-not-fire", False)
pt("RAD-N3", B, "DoesNotFireWhenAssess", dict(rad_h2=True, rad_h4=True, **slr(45, sens=True)), "does-not-fire", False)
pt("RAD-N4", P, "FiresOnScoreOne", dict(EXAM_NEG, rad_h4=True), "fires", True)
pt("RAD-N4", B, "DoesNotFireOnScoreZero", dict(EXAM_NEG), "does-not-fire", False)
pt("RAD-N4", B, "FiresOnScoreTwo", dict(H12, **EXAM_NEG), "fires", True)
pt("RAD-N4", NG, "DoesNotFireWhenAssess", dict(H12, rad_h4=True, **EXAM_NEG), "does-not-fire", False)

# lower-crossed pattern (lower-crossed-pattern.md §4 worked examples E1-E13 and §4 boundary notes)
def lcs(beh, tests, legsym=False, sex=None):
    """beh: list of S items (e.g. ["s01", "x01", "s06yes"]); tests: five entries for T01, T02, T04, T05, T06:
    '+', '-', '.', or a number (T01 hip angle, T06 DLLT degrees); T02 '+'/'-' uses AKE 30/10 on the left."""
    out = {}
    for b in beh:
        if b == "s06yes":
            out["lcs_s06"] = "yes"
        else:
            out["lcs_" + b] = True
    t01, t02, t04, t05, t06 = tests
    if t01 != ".":
        out["lcs_t01_hip_angle_left_deg"] = 10 if t01 == "+" else (-10 if t01 == "-" else t01)
        out["lcs_t01_hip_angle_right_deg"] = -10
    if t02 != ".":
        if isinstance(t02, dict):
            out.update(t02)
        else:
            out["lcs_t02_ake_deficit_left_deg"] = 30 if t02 == "+" else 10
            out["lcs_t02_ake_deficit_right_deg"] = 10
            out["lcs_t02_pslr_left_deg"] = 85
            out["lcs_t02_pslr_right_deg"] = 85
        if legsym is not None:
            out["lcs_t02_leg_symptoms"] = legsym
    if t04 != ".":
        out["lcs_t04"] = t04 == "+"
    if t05 != ".":
        out["lcs_t05"] = t05 == "+"
    if t06 != ".":
        out["lcs_t06_dllt_deg"] = 50 if t06 == "+" else (20 if t06 == "-" else t06)
    if sex:
        out["sex"] = sex
    return out


E1B = ["s01", "s02", "s04", "s05"]
E1 = lcs(E1B, "++-+-")
RAD_ASSESS = {"rad_e5": True}
pt("LCS-R0", P, "SuppressedBySoonTriage", dict(SOON, **E1), "SUPPRESSED", True)
pt("LCS-R0", B, "SuppressedByEmergencyTriage", dict(EMERG, **E1), "SUPPRESSED", True)
pt("LCS-R0", NG, "NotSuppressedByMonitorTriage", dict(MONITOR, **E1), "LIKELY", False)
pt("LCS-R0", B, "NotSuppressedByIncompleteTriageE13", dict(INCOMPLETE, **E1), "LIKELY", False, provisional=True)
pt("LCS-R1", P, "NotAssessedWithSymptomsOnlyE9", lcs(["s01", "s02", "s04"], "....."), "NOT_ASSESSED", True)
pt("LCS-R1", B, "NotAssessedWhenOnlyTestIsNotAssessableDllt",
   lcs(["s01"], [".", ".", ".", ".", 45], sex="other_unknown"), "NOT_ASSESSED", True)
pt("LCS-R1", B, "OneTestEnteredIsAssessedE7", lcs(["s01", "s04"], "+...."), "INCOMPLETE", False)
pt("LCS-R1", NG, "HamstringWithLegSymptomsIsNotEntered",
   lcs(E1B, [".", "+", ".", ".", "."], legsym=True), "NOT_ASSESSED", True)
pt("LCS-R2", P, "LikelyE1", E1, "LIKELY", True)
pt("LCS-R2", P, "LikelyViaRepeatedExtensionE6", lcs(["s01", "s06yes"], "+++.."), "LIKELY", True)
pt("LCS-R2", P, "LikelyWithRadicularAssessE8", dict(RAD_ASSESS, **lcs(E1B, "++-++")), "LIKELY", True,
   provisional=True)
pt("LCS-R2", NG, "PossibleWithoutTightComponentE5", lcs(["s01", "s02", "s04"], "--+++"), "POSSIBLE", False)
pt("LCS-R2", B, "ThomasAngle1IsPositive", lcs(E1B, [1, "-", "+", "+", "-"]), "LIKELY", True)
pt("LCS-R2", B, "ThomasAngle0IsNegative", lcs(E1B, [0, "-", "+", "+", "-"]), "POSSIBLE", False)
pt("LCS-R2", B, "AkeDeficit21IsPositive",
   lcs(E1B, ["-", {"lcs_t02_ake_deficit_left_deg": 21, "lcs_t02_ake_deficit_right_deg": 5}, "+", "+", "-"]),
   "LIKELY", True)
pt("LCS-R2", B, "AkeDeficit20IsNegative",
   lcs(E1B, ["-", {"lcs_t02_ake_deficit_left_deg": 20, "lcs_t02_ake_deficit_right_deg": 5}, "+", "+", "-"]),
   "POSSIBLE", False)
pt("LCS-R2", B, "PassiveSlr79IsPositive",
   lcs(E1B, ["-", {"lcs_t02_pslr_left_deg": 85, "lcs_t02_pslr_right_deg": 79}, "+", "+", "-"]), "LIKELY", True)
pt("LCS-R2", B, "PassiveSlr80IsNegative",
   lcs(E1B, ["-", {"lcs_t02_pslr_left_deg": 80, "lcs_t02_pslr_right_deg": 80}, "+", "+", "-"]), "POSSIBLE", False)
pt("LCS-R2", B, "FlexionRelatedNeedsThreeBehaviourItems", lcs(["s01", "s04"], "++++-"), "POSSIBLE", False)
pt("LCS-R3", P, "PossibleOnOneImpairmentE2", lcs(E1B, "+----"), "POSSIBLE", True)
pt("LCS-R3", P, "PossibleOnExtensionPatternWithFourImpairmentsE3", lcs(E1B + ["x01"], "++++-"), "POSSIBLE", True)
pt("LCS-R3", P, "PossibleWhenHamstringNotAssessableE11", lcs(E1B, "++-+-", legsym=True), "POSSIBLE", True)
pt("LCS-R3", P, "PossibleWhenLegSymptomsUnansweredE11", lcs(E1B, "++-+-", legsym=None), "POSSIBLE", True)
pt("LCS-R3", NG, "UnlikelyOnNoImpairmentE4", lcs(["s01"], "-----"), "UNLIKELY", False)
pt("LCS-R3", B, "DlltMale33IsPositive", lcs(["s01"], ["+", "+", "-", "-", 33]), "POSSIBLE", True)
pt("LCS-R3", B, "DlltMale32IsNegative", lcs(["s01"], ["+", "+", "-", "-", 32]), "UNLIKELY", False)
pt("LCS-R3", B, "DlltFemale62IsPositive", lcs(["s01"], ["+", "+", "-", "-", 62], sex="female"), "POSSIBLE", True)
pt("LCS-R3", B, "DlltFemale61IsNegative", lcs(["s01"], ["+", "+", "-", "-", 61], sex="female"), "UNLIKELY", False)
pt("LCS-R3", B, "DlltOtherUnknown62IsPositive", lcs(["s01"], ["+", "+", "-", ".", 62], sex="other_unknown"),
   "POSSIBLE", True)
pt("LCS-R4", P, "IncompleteWithDlltInBandE10", lcs(["s01"], ["+", "-", "+", ".", 45], sex="other_unknown"),
   "INCOMPLETE", True, names=["LCS-T05", "LCS-T06"])
pt("LCS-R4", P, "IncompleteOnOneTestE7", lcs(["s01", "s04"], "+...."), "INCOMPLETE", True,
   names=["LCS-T02", "LCS-T04", "LCS-T05", "LCS-T06"])
pt("LCS-R4", B, "DlltOtherUnknown33IsNotAssessable", lcs(["s01"], ["+", "+", "-", ".", 33], sex="other_unknown"),
   "INCOMPLETE", True, names=["LCS-T05", "LCS-T06"])
pt("LCS-R4", B, "DlltOtherUnknown61IsNotAssessable", lcs(["s01"], ["+", "+", "-", ".", 61], sex="other_unknown"),
   "INCOMPLETE", True)
pt("LCS-R4", B, "DlltOtherUnknown32IsNegative", lcs(["s01"], ["+", "+", "-", ".", 32], sex="other_unknown"),
   "UNLIKELY", False)
pt("LCS-R4", NG, "UnlikelyWithFourNegativeTests", lcs(["s01"], "----."), "UNLIKELY", False)
pt("LCS-R5", P, "UnlikelyOnAllFiveNegativeE4", lcs(["s01"], "-----"), "UNLIKELY", True)
pt("LCS-R5", B, "UnlikelyOnExactlyFourEntered", lcs([], "---.-"), "UNLIKELY", True)
pt("LCS-R5", B, "IncompleteOnThreeEntered", lcs([], "---.."), "INCOMPLETE", False)
pt("LCS-R5", NG, "PossibleOnOneImpairment", lcs(E1B, "+----"), "POSSIBLE", False)


# ============================================================================ red-flags.md §5 table
# Session-level cases T1-T34 exactly as listed (unlisted inputs as the baseline); expected values as the
# table gives them (triage and fired ids), plus the not-evaluable ids and missing inputs it names.
SESSIONS = [
    ("T1", {"age": 34, "saddle_sensory_change": True}, "EMERGENCY", ["RF-CES-03"], []),
    ("T2", {"age": 34, "leg_symptoms_bilateral": True}, "URGENT", ["RF-CES-05"], []),
    ("T3", {"age": 34, "leg_symptoms_bilateral": True, "bladder_new_dysfunction": True}, "EMERGENCY",
     ["RF-CES-01", "RF-CES-05"], []),
    ("T4", {"age": 50}, "NONE", [], []),
    ("T5", {"age": 51}, "MONITOR", ["RF-MAL-04"], []),
    ("T6", {"age": 71, "sex": "female"}, "SOON", ["RF-FX-06", "RF-FX-07", "RF-MAL-04"], []),
    ("T7", {"age": 71, "minor_trauma": True}, "URGENT", ["RF-FX-05", "RF-FX-07", "RF-MAL-04"], []),
    ("T8", {"age": 45, "cancer_history": True}, "URGENT", ["RF-MAL-02"], []),
    ("T9", {"age": 45, "cancer_history": True, "x_motor_grade_min": 4}, "EMERGENCY", ["RF-MAL-01", "RF-MAL-02"], []),
    ("T10", {"age": 60, "failure_to_improve_4w": True, "thoracic_pain": True}, "URGENT",
     ["RF-MAL-04", "RF-MAL-05", "RF-MAL-07", "RF-MAL-C2", "RF-MAL-C3"], []),
    ("T10b", {"age": 60, "failure_to_improve_4w": True}, "SOON", ["RF-MAL-04", "RF-MAL-05", "RF-MAL-C2"], []),
    ("T11", {"age": 30, "fever_or_rigors": True}, "URGENT", ["RF-INF-02"], []),
    ("T12", {"age": 30, "fever_or_rigors": True, "ivdu": True, "episode_duration_weeks": 2}, "EMERGENCY",
     ["RF-INF-01", "RF-INF-02", "RF-INF-03", "RF-INF-05"], []),
    ("T13", T13, "SOON", ["RF-AXS-01"], []),
    ("T14", T14, "SOON", ["RF-AXS-02"], []),
    ("T15", T15, "MONITOR", ["RF-AXS-04"], []),
    ("T16", dict(SPA5, age=31, lbp_onset_age_years=30, lbp_duration_months=3), "MONITOR", ["RF-AXS-04"], []),
    ("T16b", dict(SPA5, age=52, lbp_onset_age_years=50, lbp_duration_months=24), "MONITOR", ["RF-MAL-04"], []),
    ("T17", {"x_motor_grade_min": 3}, "URGENT", ["RF-NEU-03"], []),
    ("T18", {"x_motor_grade_min": 4}, "NONE", [], []),
    ("T19", T19, "URGENT", ["RF-MAL-04", "RF-VASC-03", "RF-VISC-04"], []),
    ("T20", dict(T19, age=64), "MONITOR", ["RF-MAL-04", "RF-VISC-04"], []),
    ("T21", {"age": 40, "immunosuppressed": True, "episode_duration_weeks": 26}, "MONITOR", ["RF-INF-05"], []),
    ("T22", {"age": 40, "immunosuppressed": True, "episode_duration_weeks": 6}, "URGENT",
     ["RF-INF-03", "RF-INF-05"], []),
    ("T23", {"age": 30, "temperature_c": 38.0}, "URGENT", ["RF-INF-02"], []),
    ("T24", {"age": 30, "temperature_c": 37.9}, "NONE", [], []),
    ("T25", {"age": 30, "fever_or_rigors": True, "rad_h1": True}, "EMERGENCY", ["RF-INF-01", "RF-INF-02"], []),
    ("T26", {"age": 45, "cancer_history": True, "rad_h1": True}, "EMERGENCY", ["RF-MAL-01", "RF-MAL-02"], []),
    ("T27", {"age": 74, "x_spinal_deformity_new": True}, "URGENT",
     ["RF-FX-07", "RF-FX-08", "RF-FX-09", "RF-MAL-04"], []),
    ("T28", {"age": 60, "x_spinal_deformity_new": True}, "SOON", ["RF-FX-08", "RF-MAL-04"], []),
    ("T29", {"age": 72, "sex": "other_unknown"}, "SOON", ["RF-FX-06", "RF-FX-07", "RF-MAL-04"], []),
    ("T30", {"age": 30, "leg_symptoms_bilateral": True, "bladder_new_dysfunction": None}, "URGENT",
     ["RF-CES-05"], ["RF-CES-01"]),
    ("T31", {"age": 60, "saddle_sensory_change": None}, "INCOMPLETE", ["RF-MAL-04"], ["RF-CES-03"]),
    ("T32", {"age": 40, "collapse_or_syncope": True}, "EMERGENCY", ["RF-VASC-01"], []),
    ("T33a", {"age": 50, "known_aaa": True, "pain_new_or_different": False}, "NONE", [], []),
    ("T33b", {"age": 50, "known_aaa": True, "pain_new_or_different": True}, "EMERGENCY", ["RF-VASC-02"], []),
]
INVALID_SESSIONS = [
    ("T34a", {"age": 30, "lbp_onset_age_years": 60}, "lbp_onset_age_years"),
    ("T34b", {"age": 15, "lbp_onset_age_years": 14}, "age_years"),
]


def camel(rule):
    parts = rule.split("-")
    return "".join(p[:1] + p[1:].lower() for p in parts)


def write(path, data):
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n")
        for k, c in enumerate(data):
            body = json.dumps(c, ensure_ascii=False)
            f.write("  " + body + ("," if k + 1 < len(data) else "") + "\n")
        f.write("]\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "benign-baseline.json"), "w", encoding="utf-8") as f:
        json.dump(BASELINE, f, indent=2)
        f.write("\n")
    rf_cases = []
    for rule, kind, name, over, expect in RF:
        rf_cases.append(collections.OrderedDict([
            ("ruleId", rule), ("kind", kind), ("name", camel(rule) + name), ("answers", merge(over)),
            ("expect", expect)]))
    write(os.path.join(OUT, "redflags.json"), rf_cases)
    by_set = {"sij_radicular": [], "lcs": []}
    for rule, kind, name, over, expect, fires, extra in PT:
        c = collections.OrderedDict([
            ("ruleId", rule), ("kind", kind), ("name", camel(rule) + name), ("answers", merge(over)),
            ("expect", expect), ("ruleFires", fires)])
        for key in ("fired", "names", "provisional"):
            if key in extra:
                c[key] = extra[key]
        by_set["lcs" if rule.startswith("LCS") else "sij_radicular"].append(c)
    for rid, cases in by_set.items():
        write(os.path.join(OUT, rid.replace("_", "-") + ".json"), cases)
    sess = []
    for tid, over, triage, fired, ne in SESSIONS:
        answers = merge(over)
        missing = sorted(k for k in BASELINE if k not in answers)
        sess.append(collections.OrderedDict([
            ("name", "RedFlagsSection5" + tid), ("answers", answers),
            ("expected", collections.OrderedDict([
                ("triage", triage), ("fired", sorted(fired)), ("notEvaluable", ne), ("missing", missing),
                ("programBlocked", triage in ("EMERGENCY", "URGENT", "SOON", "INCOMPLETE"))]))]))
    for tid, over, item in INVALID_SESSIONS:
        sess.append(collections.OrderedDict([
            ("name", "RedFlagsSection5" + tid), ("answers", merge(over)), ("invalid", item)]))
    write(os.path.join(OUT, "redflags-sessions.json"), sess)
    print("redflags %d, sij_radicular %d, lcs %d cases" % (len(rf_cases), len(by_set["sij_radicular"]),
                                                           len(by_set["lcs"])))


if __name__ == "__main__":
    main()
