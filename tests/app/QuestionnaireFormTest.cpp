#include "app/gui/QuestionnaireForm.h"

#include "AppTestSupport.h"
#include "IntakeKeyboard.h"

#include "app/gui/QuestionWidget.h"
#include "core/fhir/FlatAnswers.h"
#include "core/json/JsonWriter.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

#include <gtest/gtest.h>

using namespace backscreen;
using app::QuestionWidget;
using app::test::intakeQuestionnaire;

namespace {

QuestionWidget* question(app::QuestionnaireForm& form, const char* linkId)
{
    QuestionWidget* widget = form.questionWidget(linkId);
    EXPECT_NE(widget, nullptr) << linkId;
    return widget;
}

std::string flat(const app::QuestionnaireForm& form)
{
    return core::JsonWriter::write(core::FlatAnswers::flatten(form.questionnaire(), form.state()));
}

} // namespace

TEST(QuestionnaireForm, RendersAnEditorPerItemTypeWithLimitsUnitsAndRequiredMarkers)
{
    app::QuestionnaireForm form(intakeQuestionnaire());
    // About you, your back pain, health screening, symptoms, pain score, examination.
    EXPECT_EQ(form.sectionCount(), 6);

    QuestionWidget* age = question(form, "age_years");
    auto* ageSpinBox = age->findChild<QSpinBox*>(QStringLiteral("spinBox"));
    ASSERT_NE(ageSpinBox, nullptr);
    EXPECT_EQ(ageSpinBox->minimum(), 15);
    EXPECT_EQ(ageSpinBox->maximum(), 110);
    EXPECT_EQ(ageSpinBox->suffix(), QStringLiteral(" years"));
    EXPECT_EQ(ageSpinBox->text(), QStringLiteral("–"));
    EXPECT_TRUE(age->findChild<QLabel*>(QStringLiteral("questionLabel"))->text().endsWith(QStringLiteral(" *")));
    EXPECT_TRUE(age->answers().empty());

    auto* weeks = question(form, "episode_duration_weeks")->findChild<QDoubleSpinBox*>(QStringLiteral("doubleSpinBox"));
    ASSERT_NE(weeks, nullptr);
    EXPECT_EQ(weeks->maximum(), 1000.0);
    EXPECT_EQ(weeks->suffix(), QStringLiteral(" weeks"));

    QuestionWidget* sex = question(form, "sex");
    EXPECT_NE(sex->findChild<QRadioButton*>(QStringLiteral("option3RadioButton")), nullptr);
    EXPECT_EQ(sex->findChild<QRadioButton*>(QStringLiteral("option1RadioButton"))->text(), QStringLiteral("1  Female"));

    QuestionWidget* bladder = question(form, "bladder_new_dysfunction");
    EXPECT_NE(bladder->findChild<QRadioButton*>(QStringLiteral("yesRadioButton")), nullptr);
    EXPECT_NE(bladder->findChild<QRadioButton*>(QStringLiteral("noRadioButton")), nullptr);

    QuestionWidget* optional = question(form, "rad_h2");
    EXPECT_FALSE(optional->findChild<QLabel*>(QStringLiteral("questionLabel"))->text().endsWith(QStringLiteral(" *")));
}

TEST(QuestionnaireForm, EnableWhenShowsAndHidesItemsLive)
{
    app::QuestionnaireForm form(intakeQuestionnaire());
    QuestionWidget* angle = question(form, "rad_e1_angle_deg");
    EXPECT_TRUE(angle->isHidden());
    QuestionWidget* slr = question(form, "rad_e1_leg_pain");
    slr->findChild<QRadioButton*>(QStringLiteral("yesRadioButton"))->click();
    EXPECT_FALSE(angle->isHidden());
    EXPECT_TRUE(form.state().isEnabled(std::string_view("rad_e1_angle_deg")));
    angle->findChild<QDoubleSpinBox*>()->setValue(45.0);
    EXPECT_NE(flat(form).find("\"rad_e1_angle_deg\":45"), std::string::npos) << flat(form);
    slr->findChild<QRadioButton*>(QStringLiteral("noRadioButton"))->click();
    EXPECT_TRUE(angle->isHidden());
    // A hidden item's answer no longer counts.
    EXPECT_EQ(flat(form).find("rad_e1_angle_deg"), std::string::npos) << flat(form);
    const auto response = form.response("in-progress", "2026-11-24T10:00:00Z");
    EXPECT_EQ(core::JsonWriter::write(response.toJson()).find("rad_e1_angle_deg"), std::string::npos);
}

TEST(QuestionnaireForm, NumberKeysEnterAndAltArrowsDriveTheForm)
{
    app::QuestionnaireForm form(intakeQuestionnaire());
    form.resize(1000, 700);
    form.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&form));
    form.focusFirstQuestion();
    ASSERT_EQ(app::test::focusedQuestion(), form.questionWidget("age_years"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("47"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    ASSERT_EQ(app::test::focusedQuestion(), form.questionWidget("sex"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_2);
    EXPECT_NE(flat(form).find("\"age_years\":47"), std::string::npos);
    EXPECT_NE(flat(form).find("\"sex\":\"male\""), std::string::npos);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    // The last question of the first section: Enter goes on into the next section.
    EXPECT_EQ(form.currentSection(), 1);
    EXPECT_EQ(app::test::focusedQuestion(), form.questionWidget("episode_duration_weeks"));

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right, Qt::AltModifier);
    EXPECT_EQ(form.currentSection(), 2);
    EXPECT_EQ(app::test::focusedQuestion(), form.questionWidget("bladder_new_dysfunction"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y);
    EXPECT_NE(flat(form).find("\"bladder_new_dysfunction\":true"), std::string::npos);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
    EXPECT_EQ(flat(form).find("bladder_new_dysfunction"), std::string::npos);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(form.currentSection(), 1);
    // Tab moves from question to question, skipping the second button of a yes/no pair.
    form.questionWidget("pain_worsening")->focusTarget()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_EQ(app::test::focusedQuestion(), form.questionWidget("pain_new_or_different"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    EXPECT_EQ(app::test::focusedQuestion(), form.questionWidget("pain_worsening"));
}

TEST(QuestionnaireForm, ValidationMarksUnansweredRequiredQuestionsBesideThem)
{
    app::QuestionnaireForm form(intakeQuestionnaire());
    const std::size_t required = form.unansweredRequired().size();
    ASSERT_GT(required, 50u);
    EXPECT_EQ(form.validate(), static_cast<int>(required));
    EXPECT_EQ(question(form, "age_years")->validationMessage(),
              QStringLiteral("Please answer this question: it is required."));
    EXPECT_TRUE(question(form, "rad_h2")->validationMessage().isEmpty());
    question(form, "age_years")->findChild<QSpinBox*>()->setValue(40);
    // Answering clears the message at once.
    EXPECT_TRUE(question(form, "age_years")->validationMessage().isEmpty());
    EXPECT_EQ(form.validate(), static_cast<int>(required) - 1);
}

TEST(QuestionnaireForm, ShowsAStoredResponseAndWritesTheSameAnswersBack)
{
    const auto path = core::formsDirectory() / "examples" / "sij-pain.json";
    const core::JsonReadResult json = core::JsonReader::parseFile(path);
    ASSERT_TRUE(json.ok());
    const auto parsed = core::QuestionnaireResponse::parse(*json.value, path.string());
    ASSERT_TRUE(parsed.diagnostics.empty());
    app::QuestionnaireForm form(intakeQuestionnaire());
    form.setResponse(parsed.response);
    const core::JsonValue expected = core::FlatAnswers::flatten(intakeQuestionnaire(), parsed.response);
    ASSERT_GT(expected.size(), 60u);
    EXPECT_EQ(core::FlatAnswers::flatten(intakeQuestionnaire(), form.state()), expected) << flat(form);
    const auto written = form.response("completed", "2026-11-24T10:00:00Z");
    EXPECT_EQ(core::FlatAnswers::flatten(intakeQuestionnaire(), written), expected);
    EXPECT_TRUE(form.unansweredRequired().empty());
}
