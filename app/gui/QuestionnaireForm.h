#pragma once

#include "core/fhir/EnableWhenEvaluator.h"
#include "core/fhir/Questionnaire.h"
#include "core/fhir/QuestionnaireResponse.h"

#include <QWidget>

#include <cstddef>
#include <string>
#include <vector>

class QLabel;
class QListWidget;
class QScrollArea;
class QStackedWidget;

namespace backscreen::app {

class QuestionWidget;

/// Renders any FHIR R4 Questionnaire as a form: each top-level group is a section (listed on the left, one
/// page at a time), nested groups are titled boxes, and each answerable item is a QuestionWidget. enableWhen
/// is applied live through core::EnableWhenEvaluator: a disabled item or group is hidden and its answers no
/// longer count. Keyboard: Tab / Shift+Tab between questions, Enter to the next question (across sections),
/// Alt+Right / Alt+Left to the next / previous section.
class QuestionnaireForm : public QWidget
{
    Q_OBJECT

public:
    /// `questionnaire` must outlive the form.
    explicit QuestionnaireForm(const core::Questionnaire& questionnaire, QWidget* parent = nullptr);

    const core::Questionnaire& questionnaire() const { return m_questionnaire; }

    const core::EnableWhenEvaluator& state() const { return m_evaluator; }

    /// Answers the items with their initial values (initial[x], initialSelected options).
    void applyInitialAnswers();

    /// Shows the answers of `response` (replacing all).
    void setResponse(const core::QuestionnaireResponse& response);

    /// The answers as a QuestionnaireResponse: enabled answered items only, nested as the Questionnaire is.
    core::QuestionnaireResponse response(const std::string& status, const std::string& authored) const;

    /// Marks each enabled required question without an answer, and each answer the item does not allow,
    /// with a message beside it. Returns how many questions have a message; 0 means complete.
    int validate();

    /// The linkIds of the enabled required questions without an answer, in document order.
    std::vector<std::string> unansweredRequired() const;

    /// The widget of the question with `linkId`, or nullptr.
    QuestionWidget* questionWidget(const std::string& linkId) const;

    int sectionCount() const;
    int currentSection() const;
    void setCurrentSection(int section);
    /// Moves to the next / previous enabled section and focuses its first question.
    void nextSection();
    void previousSection();

    /// Focuses the first question of the current section.
    void focusFirstQuestion();

signals:
    /// Any answer changed (after the enabled states were updated).
    void answersChanged(const std::string& linkId);

private:
    QWidget* buildItem(std::size_t index, QWidget* parent);
    void onAnswerChanged(std::size_t index);
    void applyEnabled(const std::vector<std::size_t>& changed);
    void advanceFrom(std::size_t index);
    bool focusQuestion(std::size_t index);
    int sectionOf(std::size_t index) const;
    void updateSectionTitles();

    const core::Questionnaire& m_questionnaire;
    core::EnableWhenEvaluator m_evaluator;
    QListWidget* m_sectionListWidget;
    QStackedWidget* m_sectionStack;
    std::vector<QScrollArea*> m_sectionScrollAreas;
    /// For each section, the root item index it shows.
    std::vector<std::size_t> m_sectionRoots;
    /// Per item index: its widget (QuestionWidget, group box or display label), or nullptr.
    std::vector<QWidget*> m_itemWidgets;
    std::vector<QuestionWidget*> m_questionWidgets;
};

} // namespace backscreen::app
