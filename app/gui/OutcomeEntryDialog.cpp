#include "OutcomeEntryDialog.h"

#include "MessageBox.h"
#include "OutcomeCatalogue.h"
#include "QuestionWidget.h"
#include "QuestionnaireForm.h"
#include "TextConversion.h"

#include "core/common/Error.h"
#include "core/fhir/FlatAnswers.h"
#include "core/json/JsonWriter.h"
#include "core/outcomes/DisplayNumber.h"
#include "core/outcomes/OutcomeScorer.h"
#include "db/ClinicService.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cctype>

namespace backscreen::app {

namespace {

// The linkId a scorer diagnostic points at ("/nprs_back"), or empty.
std::string linkIdOf(const core::Diagnostic& diagnostic)
{
    return diagnostic.pointer.size() > 1 && diagnostic.pointer.front() == '/' ? diagnostic.pointer.substr(1)
                                                                              : std::string();
}

// Whether `text` names `linkId` as a whole word (reasons list the inputs they miss: "(nprs_back)").
bool names(const std::string& text, const std::string& linkId)
{
    auto isWordCharacter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
    for (auto at = text.find(linkId); at != std::string::npos; at = text.find(linkId, at + 1)) {
        const auto end = at + linkId.size();
        if ((at == 0 || !isWordCharacter(text[at - 1])) && (end == text.size() || !isWordCharacter(text[end]))) {
            return true;
        }
    }
    return false;
}

} // namespace

OutcomeEntryDialog::OutcomeEntryDialog(db::ClinicService& service,
                                       const OutcomeCatalogue& catalogue,
                                       const db::ClientHistory& history,
                                       db::RecordId visitId,
                                       QWidget* parent)
    : QDialog(parent)
    , m_service(service)
    , m_catalogue(catalogue)
    , m_clientId(history.client.id)
    , m_newVisitKind(history.visits.empty() ? "initial" : "review")
{
    setObjectName(QStringLiteral("outcomeEntryDialog"));
    setWindowTitle(
        tr("Outcome measure — %1").arg(toQString(history.client.givenName + " " + history.client.familyName)));

    m_measureComboBox = new QComboBox(this);
    m_measureComboBox->setObjectName(QStringLiteral("measureComboBox"));
    m_measureComboBox->setAccessibleName(tr("Outcome measure"));
    m_measureComboBox->setToolTip(tr("The outcome measure the client completed; its form is shown below"));
    m_visitComboBox = new QComboBox(this);
    m_visitComboBox->setObjectName(QStringLiteral("visitComboBox"));
    m_visitComboBox->setAccessibleName(tr("Visit"));
    m_visitComboBox->setToolTip(tr("The visit the measure was completed at, or a new review visit"));
    m_visitDateEdit = new QDateEdit(QDate::currentDate(), this);
    m_visitDateEdit->setObjectName(QStringLiteral("visitDateEdit"));
    m_visitDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_visitDateEdit->setCalendarPopup(true);
    m_visitDateEdit->setAccessibleName(tr("Date of the new review visit"));
    m_visitDateEdit->setToolTip(tr("Date of the new review visit, as year-month-day"));
    m_formStack = new QStackedWidget(this);
    m_formStack->setObjectName(QStringLiteral("outcomeFormStackedWidget"));
    m_scoreLabel = new QLabel(this);
    m_scoreLabel->setObjectName(QStringLiteral("scoreLabel"));
    m_scoreLabel->setWordWrap(true);
    m_scoreLabel->setTextFormat(Qt::PlainText);
    m_scoreLabel->setAccessibleName(tr("Score"));
    m_scoreLabel->setToolTip(tr("The score of the answers so far, as the outcome rules compute it"));
    QFont scoreFont = m_scoreLabel->font();
    scoreFont.setBold(true);
    m_scoreLabel->setFont(scoreFont);

    for (const core::InstrumentDefinition& instrument : catalogue.measures().instruments()) {
        const core::OutcomeForm* shipped = catalogue.forms().shipped(instrument.id);
        if (shipped == nullptr) {
            continue;
        }
        auto* form = new QuestionnaireForm(shipped->questionnaire, m_formStack);
        form->setObjectName(toQString(instrument.id) + QStringLiteral("QuestionnaireForm"));
        // One section only: the section list would just repeat the title.
        if (auto* sections = form->findChild<QListWidget*>(QStringLiteral("sectionListWidget"))) {
            sections->hide();
        }
        if (auto* heading = form->findChild<QLabel*>(QStringLiteral("sectionTitleLabel"))) {
            heading->setText(toQString(shipped->questionnaire.title));
        }
        form->applyInitialAnswers();
        connect(form, &QuestionnaireForm::answersChanged, this, [this, form](const std::string& linkId) {
            // A changed answer is checked again at the next save; its old message would mislead until then.
            if (QuestionWidget* question = form->questionWidget(linkId)) {
                question->setValidationMessage(QString());
            }
            showScore(false);
        });
        m_formStack->addWidget(form);
        m_forms.push_back(form);
        m_instruments.push_back(instrument.id);
        m_measureComboBox->addItem(tr("%1 — %2").arg(toQString(instrument.shortTitle), toQString(instrument.title)),
                                   toQString(instrument.id));
    }

    // Newest visit first; a new review visit last.
    for (auto visit = history.visits.rbegin(); visit != history.visits.rend(); ++visit) {
        const QString kind = visit->kind == "initial"  ? tr("initial")
                             : visit->kind == "review" ? tr("review")
                                                       : toQString(visit->kind);
        m_visitComboBox->addItem(tr("%1 (%2 visit)").arg(toQString(visit->visitDate), kind),
                                 QVariant::fromValue<qlonglong>(visit->id));
    }
    // A client's first visit is the initial one, where the baseline is taken.
    m_visitComboBox->addItem(history.visits.empty() ? tr("New initial visit") : tr("New review visit"),
                             QVariant::fromValue<qlonglong>(0));
    const int preselected = m_visitComboBox->findData(QVariant::fromValue<qlonglong>(visitId));
    m_visitComboBox->setCurrentIndex(preselected >= 0 ? preselected : m_visitComboBox->count() - 1);

    auto* fields = new QFormLayout;
    auto addRow = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        fields->addRow(label, field);
    };
    addRow(tr("&Measure:"), m_measureComboBox);
    addRow(tr("&Visit:"), m_visitComboBox);
    addRow(tr("New visit &date:"), m_visitDateEdit);

    // Plain buttons rather than a QDialogButtonBox, which would make Save the default button: Enter moves
    // between questions and must never store.
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveOutcomeButton"));
    m_saveButton->setAccessibleName(tr("Save the outcome measure"));
    m_saveButton->setToolTip(tr("Score the answers and store them at the visit (Ctrl+S or Ctrl+Enter)"));
    m_saveButton->setAutoDefault(false);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelOutcomeButton"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setToolTip(tr("Close without storing anything (Esc)"));
    cancel->setAutoDefault(false);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(cancel);
    for (const QKeySequence& keys : {QKeySequence(QKeySequence::Save),
                                     QKeySequence(Qt::CTRL | Qt::Key_Return),
                                     QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, [this] { save(); });
    }

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(fields);
    layout->addWidget(m_formStack, 1);
    layout->addWidget(m_scoreLabel);
    layout->addLayout(buttons);

    connect(m_measureComboBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0) {
            m_formStack->setCurrentIndex(index);
            showScore(false);
        }
    });
    connect(m_visitComboBox, &QComboBox::currentIndexChanged, this, [this] { updateVisitDate(); });
    setTabOrder(m_measureComboBox, m_visitComboBox);
    setTabOrder(m_visitComboBox, m_visitDateEdit);
    updateVisitDate();
    showScore(false);
    resize(760, 640);
    m_measureComboBox->setFocus();
}

void OutcomeEntryDialog::setInstrument(const std::string& instrument)
{
    const int index = m_measureComboBox->findData(toQString(instrument));
    if (index >= 0) {
        m_measureComboBox->setCurrentIndex(index);
    }
}

std::string OutcomeEntryDialog::instrument() const
{
    const int index = m_formStack->currentIndex();
    return index >= 0 ? m_instruments[static_cast<std::size_t>(index)] : std::string();
}

QuestionnaireForm* OutcomeEntryDialog::form() const
{
    const int index = m_formStack->currentIndex();
    return index >= 0 ? m_forms[static_cast<std::size_t>(index)] : nullptr;
}

db::RecordId OutcomeEntryDialog::selectedVisitId() const
{
    return m_visitComboBox->currentData().toLongLong();
}

void OutcomeEntryDialog::updateVisitDate()
{
    m_visitDateEdit->setEnabled(selectedVisitId() == 0);
}

OutcomeEntryDialog::Scored OutcomeEntryDialog::scoreAnswers() const
{
    Scored scored;
    const QuestionnaireForm* current = form();
    if (current == nullptr) {
        return scored;
    }
    const core::JsonValue answers = core::FlatAnswers::flatten(current->questionnaire(), current->state());
    core::OutcomeScoreResult result = core::OutcomeScorer(m_catalogue.measures()).score(instrument(), answers, "form");
    scored.score = std::move(result.score);
    scored.diagnostics = std::move(result.diagnostics);
    return scored;
}

std::optional<core::OutcomeScore> OutcomeEntryDialog::showScore(bool mark)
{
    return showScore(mark, scoreAnswers());
}

std::optional<core::OutcomeScore> OutcomeEntryDialog::showScore(bool mark, const Scored& scored)
{
    QuestionnaireForm* current = form();
    if (current == nullptr) {
        return std::nullopt;
    }
    int problems = 0;
    if (mark) {
        problems = current->validate();
        for (const core::Diagnostic& diagnostic : scored.diagnostics) {
            if (diagnostic.severity != core::Severity::Error) {
                continue;
            }
            QuestionWidget* question = current->questionWidget(linkIdOf(diagnostic));
            if (question != nullptr && question->validationMessage().isEmpty()) {
                question->setValidationMessage(toQString(diagnostic.message));
                ++problems;
            }
        }
    }
    const core::InstrumentDefinition* definition = m_catalogue.measures().find(instrument());
    const QString measure = definition != nullptr ? toQString(definition->shortTitle) : toQString(instrument());
    if (!scored.score) {
        int errors = 0;
        for (const core::Diagnostic& diagnostic : scored.diagnostics) {
            errors += diagnostic.severity == core::Severity::Error ? 1 : 0;
        }
        m_scoreLabel->setText(
            tr("%1: not scored, %n answer(s) need attention", nullptr, std::max(errors, problems)).arg(measure));
        return std::nullopt;
    }
    const core::OutcomeScore& score = *scored.score;
    if (!score.scorable) {
        m_scoreLabel->setText(tr("%1: not scorable: %2").arg(measure, toQString(score.reason)));
        if (mark) {
            // The reason names the inputs it misses ("(nprs_back)"); otherwise every unanswered number is
            // a candidate (ODI sections, PSFS ratings).
            std::vector<std::string> named;
            std::vector<std::string> numbers;
            for (const core::QuestionnaireItem& item : current->questionnaire().items()) {
                QuestionWidget* question = current->questionWidget(item.linkId);
                if (question == nullptr || !question->answers().empty()) {
                    continue;
                }
                if (names(score.reason, item.linkId)) {
                    named.push_back(item.linkId);
                } else if (item.type == core::ItemType::Integer) {
                    numbers.push_back(item.linkId);
                }
            }
            for (const std::string& linkId : named.empty() ? numbers : named) {
                current->questionWidget(linkId)->setValidationMessage(
                    tr("Not answered: the %1 is not scorable without it (%2)").arg(measure, toQString(score.reason)));
            }
        }
        return score;
    }
    QString text = tr("%1: %2 (range %3–%4)")
                       .arg(measure,
                            toQString(core::formatDisplayNumber(*score.score, score.displayDecimals)),
                            toQString(core::JsonWriter::formatNumber(score.min)),
                            toQString(core::JsonWriter::formatNumber(score.max)));
    if (!score.bandLabel.empty()) {
        text += QStringLiteral(" · ") + toQString(score.bandLabel);
    }
    for (const std::string& note : score.notes) {
        text += QStringLiteral(" · ") + toQString(note);
    }
    m_scoreLabel->setText(text);
    return score;
}

bool OutcomeEntryDialog::save()
{
    QuestionnaireForm* current = form();
    if (current == nullptr) {
        return false;
    }
    const Scored scored = scoreAnswers();
    const std::optional<core::OutcomeScore> shown = showScore(true, scored);
    if (!shown || !scored.score) {
        // Refused answers: the messages are beside the questions; nothing is stored.
        for (const core::QuestionnaireItem& item : current->questionnaire().items()) {
            QuestionWidget* question = current->questionWidget(item.linkId);
            if (question != nullptr && !question->validationMessage().isEmpty() && question->focusTarget()) {
                question->focusTarget()->setFocus(Qt::OtherFocusReason);
                break;
            }
        }
        return false;
    }
    const core::OutcomeScore& score = *scored.score;
    if (!score.scorable
        && MessageBox::question(this,
                                tr("Not scorable"),
                                tr("These answers give no %1 score: %2.\n\nStore the form as not scorable anyway?")
                                    .arg(toQString(score.instrument), toQString(score.reason)))
               != QMessageBox::Yes) {
        return false;
    }

    db::OutcomeScoreRecord record;
    record.instrumentId = score.instrument;
    record.instrumentVersion = score.version;
    record.scoreJson = core::JsonWriter::write(score.toJson());
    record.responseJson = core::JsonWriter::write(
        current->response("completed", toUtf8(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))).toJson());
    try {
        const db::RecordId visitId = selectedVisitId();
        if (visitId != 0) {
            record.visitId = visitId;
            m_saved = m_service.saveOutcomeScore(record);
        } else {
            db::VisitRecord visit;
            visit.clientId = m_clientId;
            visit.visitDate = toUtf8(m_visitDateEdit->date().toString(Qt::ISODate));
            visit.kind = m_newVisitKind;
            m_saved = m_service.addVisitWithOutcomeScore(visit, record).second;
        }
    } catch (const Error& error) {
        MessageBox::critical(
            this, tr("Backscreen"), tr("The outcome measure could not be stored: %1").arg(toQString(error.what())));
        return false;
    }
    emit outcomeSaved(m_clientId, m_saved->visitId);
    accept();
    return true;
}

} // namespace backscreen::app
