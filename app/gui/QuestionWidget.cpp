#include "QuestionWidget.h"

#include "TextConversion.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace backscreen::app {

namespace {

constexpr int maxRadioOptions = 6;
const QDate unansweredDate(1900, 1, 1);

QString optionText(const core::FhirValue& value)
{
    if (value.kind() == core::FhirValueKind::Coding) {
        return toQString(value.display().empty() ? value.text() : value.display());
    }
    return toQString(value.describe());
}

// Decimal places a decimal item needs: enough for its limits, at least one (0.5 weeks, 37.5 °C).
int decimalsFor(const core::QuestionnaireItem& item)
{
    int decimals = 1;
    for (const auto& limit : {item.minValue, item.maxValue}) {
        if (limit && limit->json().isNumber()) {
            const std::string& text = limit->json().numberText();
            const auto dot = text.find('.');
            if (dot != std::string::npos) {
                decimals = std::max(decimals, static_cast<int>(text.size() - dot - 1));
            }
        }
    }
    return std::min(decimals, 3);
}

} // namespace

QuestionWidget::QuestionWidget(const core::QuestionnaireItem& item, std::size_t index, QWidget* parent)
    : QWidget(parent)
    , m_item(item)
    , m_index(index)
{
    setObjectName(toQString(item.linkId) + QStringLiteral("QuestionWidget"));

    QString text = toQString(item.prefix.empty() ? item.text : item.prefix + " " + item.text);
    m_questionLabel = new QLabel(this);
    m_questionLabel->setObjectName(QStringLiteral("questionLabel"));
    m_questionLabel->setWordWrap(true);
    // Long questions wrap to the width the form gives them instead of widening the form.
    QSizePolicy wrapping(QSizePolicy::Ignored, QSizePolicy::Preferred);
    wrapping.setHeightForWidth(true);
    m_questionLabel->setSizePolicy(wrapping);
    m_questionLabel->setTextFormat(Qt::PlainText);
    m_questionLabel->setText(item.required ? text + QStringLiteral(" *") : text);
    m_questionLabel->setToolTip(item.required ? tr("Required question (%1)").arg(toQString(item.linkId))
                                              : tr("Optional question (%1)").arg(toQString(item.linkId)));

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("validationLabel"));
    m_messageLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setSizePolicy(wrapping);
    m_messageLabel->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 6);
    layout->setSpacing(4);
    layout->addWidget(m_questionLabel);

    switch (item.type) {
    case core::ItemType::Boolean:
        buildBoolean();
        break;
    case core::ItemType::Integer:
    case core::ItemType::Decimal:
        buildNumber();
        break;
    case core::ItemType::Choice:
    case core::ItemType::OpenChoice:
        buildChoice();
        break;
    case core::ItemType::Date:
        buildDate();
        break;
    default:
        buildText();
        break;
    }
    layout->addWidget(m_messageLabel);
    if (m_focusTarget != nullptr) {
        m_questionLabel->setBuddy(m_focusTarget);
        setFocusProxy(m_focusTarget);
    }
}

void QuestionWidget::buildBoolean()
{
    auto* row = new QHBoxLayout;
    m_buttonGroup = new QButtonGroup(this);
    m_buttonGroup->setExclusive(true);
    const QString question = toQString(m_item.text);
    auto* yes = new QRadioButton(tr("Yes"), this);
    yes->setObjectName(QStringLiteral("yesRadioButton"));
    yes->setAccessibleName(tr("Yes: %1").arg(question));
    yes->setToolTip(tr("Yes (key Y or 1)"));
    auto* no = new QRadioButton(tr("No"), this);
    no->setObjectName(QStringLiteral("noRadioButton"));
    no->setAccessibleName(tr("No: %1").arg(question));
    no->setToolTip(tr("No (key N or 2)"));
    // Only the first button is in the Tab chain, so Tab moves from question to question; the keys and the
    // arrow keys choose within.
    no->setFocusPolicy(Qt::ClickFocus);
    for (QRadioButton* button : {yes, no}) {
        m_buttonGroup->addButton(button);
        m_buttons.push_back(button);
        row->addWidget(button);
        button->installEventFilter(this);
    }
    row->addStretch(1);
    qobject_cast<QVBoxLayout*>(layout())->addLayout(row);
    connect(m_buttonGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool checked) {
        if (checked) {
            notifyChanged();
        }
    });
    m_focusTarget = yes;
}

void QuestionWidget::buildNumber()
{
    auto* row = new QHBoxLayout;
    const QString unit = m_item.unit ? optionText(*m_item.unit) : QString();
    const QString accessible = toQString(m_item.text);
    if (m_item.type == core::ItemType::Integer) {
        m_spinBox = new QSpinBox(this);
        m_spinBox->setObjectName(QStringLiteral("spinBox"));
        const int minimum = m_item.minValue ? static_cast<int>(m_item.minValue->number()) : -1000000;
        const int maximum = m_item.maxValue ? static_cast<int>(m_item.maxValue->number()) : 1000000;
        m_spinBox->setRange(minimum - 1, maximum);
        m_spinBox->setSpecialValueText(QStringLiteral("–"));
        m_spinBox->setValue(minimum - 1);
        if (!unit.isEmpty()) {
            m_spinBox->setSuffix(QLatin1Char(' ') + unit);
        }
        m_spinBox->setToolTip(tr("A whole number from %1 to %2%3")
                                  .arg(minimum)
                                  .arg(maximum)
                                  .arg(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit));
        m_spinBox->setAccessibleName(accessible);
        m_spinBox->setMinimumWidth(160);
        connect(m_spinBox, &QSpinBox::valueChanged, this, [this] { notifyChanged(); });
        m_focusTarget = m_spinBox;
    } else {
        m_doubleSpinBox = new QDoubleSpinBox(this);
        m_doubleSpinBox->setObjectName(QStringLiteral("doubleSpinBox"));
        const int decimals = decimalsFor(m_item);
        const double minimum = m_item.minValue ? m_item.minValue->number() : -1000000.0;
        const double maximum = m_item.maxValue ? m_item.maxValue->number() : 1000000.0;
        m_doubleSpinBox->setDecimals(decimals);
        m_doubleSpinBox->setRange(minimum - 1.0, maximum);
        m_doubleSpinBox->setSingleStep(1.0);
        m_doubleSpinBox->setSpecialValueText(QStringLiteral("–"));
        m_doubleSpinBox->setValue(minimum - 1.0);
        if (!unit.isEmpty()) {
            m_doubleSpinBox->setSuffix(QLatin1Char(' ') + unit);
        }
        m_doubleSpinBox->setToolTip(tr("A number from %1 to %2%3")
                                        .arg(minimum)
                                        .arg(maximum)
                                        .arg(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit));
        m_doubleSpinBox->setAccessibleName(accessible);
        m_doubleSpinBox->setMinimumWidth(160);
        connect(m_doubleSpinBox, &QDoubleSpinBox::valueChanged, this, [this] { notifyChanged(); });
        m_focusTarget = m_doubleSpinBox;
    }
    m_focusTarget->installEventFilter(this);
    row->addWidget(m_focusTarget);
    row->addStretch(1);
    qobject_cast<QVBoxLayout*>(layout())->addLayout(row);
}

void QuestionWidget::buildChoice()
{
    const QString question = toQString(m_item.text);
    if (m_item.answerOptions.size() <= static_cast<std::size_t>(maxRadioOptions)) {
        // Short options sit in a row; long ones in a column, so they never widen the form.
        qsizetype textLength = 0;
        for (const core::AnswerOption& option : m_item.answerOptions) {
            textLength += optionText(option.value).size();
        }
        QBoxLayout* row = textLength > 36 ? static_cast<QBoxLayout*>(new QVBoxLayout) : new QHBoxLayout;
        row->setSpacing(textLength > 36 ? 2 : 12);
        m_buttonGroup = new QButtonGroup(this);
        m_buttonGroup->setExclusive(true);
        int number = 1;
        for (const core::AnswerOption& option : m_item.answerOptions) {
            auto* button = new QRadioButton(QStringLiteral("%1  %2").arg(number).arg(optionText(option.value)), this);
            button->setObjectName(QStringLiteral("option%1RadioButton").arg(number));
            button->setAccessibleName(tr("%1: %2").arg(optionText(option.value), question));
            button->setToolTip(tr("Key %1").arg(number));
            if (number > 1) {
                button->setFocusPolicy(Qt::ClickFocus);
            }
            button->installEventFilter(this);
            m_buttonGroup->addButton(button, number - 1);
            m_buttons.push_back(button);
            row->addWidget(button);
            ++number;
        }
        row->addStretch(1);
        qobject_cast<QVBoxLayout*>(layout())->addLayout(row);
        connect(m_buttonGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool checked) {
            if (checked) {
                notifyChanged();
            }
        });
        m_focusTarget = m_buttons.empty() ? nullptr : m_buttons.front();
        return;
    }
    m_comboBox = new QComboBox(this);
    m_comboBox->setObjectName(QStringLiteral("comboBox"));
    m_comboBox->addItem(QStringLiteral("–"));
    int number = 1;
    for (const core::AnswerOption& option : m_item.answerOptions) {
        m_comboBox->addItem(number <= 9 ? QStringLiteral("%1  %2").arg(number).arg(optionText(option.value))
                                        : optionText(option.value));
        ++number;
    }
    m_comboBox->setAccessibleName(question);
    m_comboBox->setToolTip(tr("Choose an answer; keys 1 to 9 pick the numbered options"));
    m_comboBox->installEventFilter(this);
    connect(m_comboBox, &QComboBox::currentIndexChanged, this, [this] { notifyChanged(); });
    qobject_cast<QVBoxLayout*>(layout())->addWidget(m_comboBox);
    m_focusTarget = m_comboBox;
}

void QuestionWidget::buildText()
{
    const QString question = toQString(m_item.text);
    if (m_item.type == core::ItemType::Text) {
        m_plainTextEdit = new QPlainTextEdit(this);
        m_plainTextEdit->setObjectName(QStringLiteral("plainTextEdit"));
        m_plainTextEdit->setTabChangesFocus(true);
        m_plainTextEdit->setAccessibleName(question);
        m_plainTextEdit->setToolTip(tr("Free text; Tab moves to the next question"));
        m_plainTextEdit->setMaximumHeight(90);
        connect(m_plainTextEdit, &QPlainTextEdit::textChanged, this, [this] { notifyChanged(); });
        m_focusTarget = m_plainTextEdit;
    } else {
        m_lineEdit = new QLineEdit(this);
        m_lineEdit->setObjectName(QStringLiteral("lineEdit"));
        m_lineEdit->setAccessibleName(question);
        m_lineEdit->setPlaceholderText(toQString(m_item.entryFormat));
        m_lineEdit->setToolTip(tr("Free text"));
        if (m_item.maxLength) {
            m_lineEdit->setMaxLength(static_cast<int>(*m_item.maxLength));
        }
        m_lineEdit->installEventFilter(this);
        connect(m_lineEdit, &QLineEdit::textChanged, this, [this] { notifyChanged(); });
        m_focusTarget = m_lineEdit;
    }
    qobject_cast<QVBoxLayout*>(layout())->addWidget(m_focusTarget);
}

void QuestionWidget::buildDate()
{
    m_dateEdit = new QDateEdit(this);
    m_dateEdit->setObjectName(QStringLiteral("dateEdit"));
    m_dateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_dateEdit->setMinimumDate(unansweredDate);
    m_dateEdit->setSpecialValueText(QStringLiteral("–"));
    m_dateEdit->setDate(unansweredDate);
    m_dateEdit->setAccessibleName(toQString(m_item.text));
    m_dateEdit->setToolTip(tr("A date, as year-month-day"));
    m_dateEdit->installEventFilter(this);
    connect(m_dateEdit, &QDateEdit::dateChanged, this, [this] { notifyChanged(); });
    auto* row = new QHBoxLayout;
    row->addWidget(m_dateEdit);
    row->addStretch(1);
    qobject_cast<QVBoxLayout*>(layout())->addLayout(row);
    m_focusTarget = m_dateEdit;
}

std::vector<core::FhirValue> QuestionWidget::answers() const
{
    using core::FhirValue;
    if (m_buttonGroup != nullptr) {
        QAbstractButton* checked = m_buttonGroup->checkedButton();
        if (checked == nullptr) {
            return {};
        }
        if (m_item.type == core::ItemType::Boolean) {
            return {FhirValue::boolean(checked == m_buttons.front())};
        }
        const int option = m_buttonGroup->id(checked);
        return {m_item.answerOptions.at(static_cast<std::size_t>(option)).value};
    }
    if (m_spinBox != nullptr) {
        if (m_spinBox->value() == m_spinBox->minimum()) {
            return {};
        }
        return {FhirValue::integer(m_spinBox->value())};
    }
    if (m_doubleSpinBox != nullptr) {
        if (m_doubleSpinBox->value() <= m_doubleSpinBox->minimum()) {
            return {};
        }
        return {FhirValue::decimal(m_doubleSpinBox->value())};
    }
    if (m_comboBox != nullptr) {
        const int current = m_comboBox->currentIndex();
        if (current <= 0) {
            return {};
        }
        return {m_item.answerOptions.at(static_cast<std::size_t>(current - 1)).value};
    }
    if (m_lineEdit != nullptr) {
        const QString text = m_lineEdit->text().trimmed();
        return text.isEmpty() ? std::vector<FhirValue>{}
                              : std::vector<FhirValue>{FhirValue::text(core::FhirValueKind::String, toUtf8(text))};
    }
    if (m_plainTextEdit != nullptr) {
        const QString text = m_plainTextEdit->toPlainText().trimmed();
        return text.isEmpty() ? std::vector<FhirValue>{}
                              : std::vector<FhirValue>{FhirValue::text(core::FhirValueKind::String, toUtf8(text))};
    }
    if (m_dateEdit != nullptr) {
        if (m_dateEdit->date() == unansweredDate) {
            return {};
        }
        return {FhirValue::text(core::FhirValueKind::Date, toUtf8(m_dateEdit->date().toString(Qt::ISODate)))};
    }
    return {};
}

void QuestionWidget::setAnswers(const std::vector<core::FhirValue>& values)
{
    m_updating = true;
    const core::FhirValue* value = values.empty() ? nullptr : &values.front();
    if (m_buttonGroup != nullptr) {
        clearButtons();
        if (value != nullptr) {
            if (m_item.type == core::ItemType::Boolean && value->kind() == core::FhirValueKind::Boolean) {
                m_buttons.at(value->asBool() ? 0 : 1)->setChecked(true);
            } else {
                for (std::size_t option = 0; option < m_item.answerOptions.size(); ++option) {
                    if (m_item.answerOptions[option].value.equals(*value)) {
                        m_buttons.at(option)->setChecked(true);
                    }
                }
            }
        }
    } else if (m_spinBox != nullptr) {
        m_spinBox->setValue(value != nullptr && value->isNumeric() ? static_cast<int>(std::lround(value->number()))
                                                                   : m_spinBox->minimum());
    } else if (m_doubleSpinBox != nullptr) {
        m_doubleSpinBox->setValue(value != nullptr && value->isNumeric() ? value->number()
                                                                         : m_doubleSpinBox->minimum());
    } else if (m_comboBox != nullptr) {
        int current = 0;
        for (std::size_t option = 0; value != nullptr && option < m_item.answerOptions.size(); ++option) {
            if (m_item.answerOptions[option].value.equals(*value)) {
                current = static_cast<int>(option) + 1;
            }
        }
        m_comboBox->setCurrentIndex(current);
    } else if (m_lineEdit != nullptr) {
        m_lineEdit->setText(value != nullptr ? toQString(value->text()) : QString());
    } else if (m_plainTextEdit != nullptr) {
        m_plainTextEdit->setPlainText(value != nullptr ? toQString(value->text()) : QString());
    } else if (m_dateEdit != nullptr) {
        const QDate date = value != nullptr ? QDate::fromString(toQString(value->text()), Qt::ISODate) : QDate();
        m_dateEdit->setDate(date.isValid() ? date : unansweredDate);
    }
    m_updating = false;
}

void QuestionWidget::setValidationMessage(const QString& message)
{
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
}

QString QuestionWidget::validationMessage() const
{
    return m_messageLabel->text();
}

bool QuestionWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress) {
        return QWidget::eventFilter(watched, event);
    }
    const auto* keyEvent = static_cast<QKeyEvent*>(event);
    const int key = keyEvent->key();
    const bool plain = (keyEvent->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) == 0;
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && plain) {
        emit advanceRequested(m_index);
        return true;
    }
    if (!plain) {
        return QWidget::eventFilter(watched, event);
    }
    if (m_buttonGroup != nullptr) {
        int pick = -1;
        if (key >= Qt::Key_1 && key <= Qt::Key_9) {
            pick = key - Qt::Key_1;
        } else if (m_item.type == core::ItemType::Boolean && key == Qt::Key_Y) {
            pick = 0;
        } else if (m_item.type == core::ItemType::Boolean && key == Qt::Key_N) {
            pick = 1;
        } else if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            if (m_buttonGroup->checkedButton() != nullptr) {
                clearButtons();
                notifyChanged();
            }
            return true;
        }
        if (pick >= 0 && static_cast<std::size_t>(pick) < m_buttons.size()) {
            m_buttons[static_cast<std::size_t>(pick)]->setChecked(true);
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }
    if (m_comboBox != nullptr && key >= Qt::Key_1 && key <= Qt::Key_9) {
        const int option = key - Qt::Key_1 + 1;
        if (option < m_comboBox->count()) {
            m_comboBox->setCurrentIndex(option);
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void QuestionWidget::clearButtons()
{
    // An exclusive group cannot uncheck its last checked button; lift exclusivity for the moment.
    m_buttonGroup->setExclusive(false);
    for (QAbstractButton* button : m_buttons) {
        button->setChecked(false);
    }
    m_buttonGroup->setExclusive(true);
}

void QuestionWidget::notifyChanged()
{
    if (m_updating) {
        return;
    }
    setValidationMessage({});
    emit answerChanged(m_index);
}

} // namespace backscreen::app
