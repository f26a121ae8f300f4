#pragma once

#include "core/fhir/FhirValue.h"
#include "core/fhir/Questionnaire.h"

#include <QWidget>

#include <cstddef>
#include <vector>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace backscreen::app {

/// One answerable Questionnaire item as a widget: its text with a required marker, an editor chosen by the
/// item type, the unit and a message line for validation. Editors:
/// - boolean: Yes / No radio buttons (keys Y or 1, N or 2);
/// - integer / decimal: a spin box with the item's minValue..maxValue and unit suffix; its lowest step
///   below minValue shows "–" and means unanswered, so an unanswered number is never a silent 0;
/// - choice: numbered radio buttons (up to 6 options; number keys pick) or a combo box;
/// - string: a line edit; text: a plain-text edit; date: a date edit (lowest date = unanswered).
/// Delete or Backspace on a Yes/No or option button clears the answer. Enter asks the form to advance.
class QuestionWidget : public QWidget
{
    Q_OBJECT

public:
    QuestionWidget(const core::QuestionnaireItem& item, std::size_t index, QWidget* parent = nullptr);

    std::size_t itemIndex() const { return m_index; }

    const core::QuestionnaireItem& item() const { return m_item; }

    /// The current answers (empty when unanswered).
    std::vector<core::FhirValue> answers() const;

    /// Shows `values` without emitting answerChanged; values the editor cannot show are ignored.
    void setAnswers(const std::vector<core::FhirValue>& values);

    /// Empty clears the message.
    void setValidationMessage(const QString& message);

    QString validationMessage() const;

    /// The widget that takes focus when the question is reached.
    QWidget* focusTarget() const { return m_focusTarget; }

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void answerChanged(std::size_t index);
    /// Enter was pressed in the editor: move to the next question.
    void advanceRequested(std::size_t index);

private:
    void buildBoolean();
    void buildNumber();
    void buildChoice();
    void buildText();
    void buildDate();
    void clearButtons();
    void notifyChanged();

    const core::QuestionnaireItem& m_item;
    std::size_t m_index;
    QLabel* m_questionLabel = nullptr;
    QLabel* m_messageLabel = nullptr;
    QWidget* m_focusTarget = nullptr;
    QButtonGroup* m_buttonGroup = nullptr;
    std::vector<QAbstractButton*> m_buttons;
    QSpinBox* m_spinBox = nullptr;
    QDoubleSpinBox* m_doubleSpinBox = nullptr;
    QComboBox* m_comboBox = nullptr;
    QLineEdit* m_lineEdit = nullptr;
    QPlainTextEdit* m_plainTextEdit = nullptr;
    QDateEdit* m_dateEdit = nullptr;
    bool m_updating = false;
};

} // namespace backscreen::app
