#include "ClearanceDialog.h"

#include "TextConversion.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace backscreen::app {

QString ClearanceDialog::reasonText(core::ClearanceReason reason)
{
    switch (reason) {
    case core::ClearanceReason::MedicallyReviewedNoSeriousPathology:
        return tr("Medically reviewed: no serious pathology");
    case core::ClearanceReason::ImagingNormal:
        return tr("Imaging normal");
    case core::ClearanceReason::SpecialistManaging:
        return tr("A specialist is managing it");
    case core::ClearanceReason::Other:
        return tr("Other (say why in the note)");
    }
    return {};
}

ClearanceDialog::ClearanceDialog(const core::Finding& finding, QWidget* parent)
    : QDialog(parent)
    , m_ruleId(finding.ruleId)
{
    setObjectName(QStringLiteral("clearanceDialog"));
    setWindowTitle(tr("Record clearance of %1").arg(toQString(finding.ruleId)));

    const QString tier = finding.tier ? toQString(std::string(core::triageName(*finding.tier))) : QString();
    auto* ruleLabel = new QLabel(this);
    ruleLabel->setObjectName(QStringLiteral("ruleLabel"));
    ruleLabel->setWordWrap(true);
    ruleLabel->setText(tr("<b>%1</b> %2 (%3)<br>Record that a clinician medically reviewed this red flag. The "
                          "clearance lets the home program go ahead; it lapses by itself when any answer this rule "
                          "reads changes.")
                           .arg(tier.toHtmlEscaped(),
                                toQString(finding.title).toHtmlEscaped(),
                                toQString(finding.ruleId).toHtmlEscaped()));
    ruleLabel->setAccessibleName(tr("Red flag to clear"));
    ruleLabel->setToolTip(tr("The fired red flag this clearance is for, with its triage tier and rule id"));

    m_reviewerLineEdit = new QLineEdit(this);
    m_reviewerLineEdit->setObjectName(QStringLiteral("reviewerLineEdit"));
    m_reviewerLineEdit->setAccessibleName(tr("Reviewing clinician"));
    m_reviewerLineEdit->setToolTip(tr("Who did the medical review, as on their letter or report (required)"));
    m_reviewerLineEdit->setPlaceholderText(tr("e.g. Dr A. Jones, GP"));

    m_reviewDateEdit = new QDateEdit(QDate::currentDate(), this);
    m_reviewDateEdit->setObjectName(QStringLiteral("reviewDateEdit"));
    m_reviewDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_reviewDateEdit->setCalendarPopup(true);
    m_reviewDateEdit->setDateRange(QDate(2000, 1, 1), QDate::currentDate());
    m_reviewDateEdit->setAccessibleName(tr("Review date"));
    m_reviewDateEdit->setToolTip(tr("The date of the medical review, as year-month-day (not in the future)"));

    m_reasonComboBox = new QComboBox(this);
    m_reasonComboBox->setObjectName(QStringLiteral("reasonComboBox"));
    m_reasonComboBox->setAccessibleName(tr("Reason"));
    m_reasonComboBox->setToolTip(tr("What the review found; the same reason codes the command line uses"));
    for (core::ClearanceReason reason : {core::ClearanceReason::MedicallyReviewedNoSeriousPathology,
                                         core::ClearanceReason::ImagingNormal,
                                         core::ClearanceReason::SpecialistManaging,
                                         core::ClearanceReason::Other}) {
        m_reasonComboBox->addItem(reasonText(reason), toQString(std::string(core::clearanceReasonName(reason))));
    }

    m_noteTextEdit = new QPlainTextEdit(this);
    m_noteTextEdit->setObjectName(QStringLiteral("noteTextEdit"));
    m_noteTextEdit->setTabChangesFocus(true);
    m_noteTextEdit->setAccessibleName(tr("Note"));
    m_noteTextEdit->setToolTip(tr("What the clearance is based on, e.g. the letter or report (required)"));
    m_noteTextEdit->setMaximumHeight(90);

    auto* form = new QFormLayout;
    auto addRow = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("Reviewing &clinician:"), m_reviewerLineEdit);
    addRow(tr("Review &date:"), m_reviewDateEdit);
    addRow(tr("&Reason:"), m_reasonComboBox);
    addRow(tr("&Note:"), m_noteTextEdit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton* save = buttons->button(QDialogButtonBox::Save);
    save->setObjectName(QStringLiteral("saveButton"));
    save->setText(tr("&Record clearance"));
    save->setToolTip(tr("Store the clearance with the answers it was made on"));
    save->setAccessibleName(tr("Record clearance"));
    QPushButton* cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setToolTip(tr("Close without recording anything"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(ruleLabel);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    m_reviewerLineEdit->setFocus();
}

ClearanceRecorder::Request ClearanceDialog::request() const
{
    ClearanceRecorder::Request request;
    request.ruleId = m_ruleId;
    request.reason =
        core::parseClearanceReason(toUtf8(m_reasonComboBox->currentData().toString())).value_or(request.reason);
    request.note = toUtf8(m_noteTextEdit->toPlainText().trimmed());
    request.reviewedBy = toUtf8(m_reviewerLineEdit->text().trimmed());
    request.reviewedOn = toUtf8(m_reviewDateEdit->date().toString(Qt::ISODate));
    return request;
}

void ClearanceDialog::done(int result)
{
    if (result == QDialog::Accepted) {
        if (m_reviewerLineEdit->text().trimmed().isEmpty()) {
            m_errorLabel->setText(tr("Enter who did the medical review."));
            m_reviewerLineEdit->setFocus();
            return;
        }
        if (m_noteTextEdit->toPlainText().trimmed().isEmpty()) {
            m_errorLabel->setText(tr("Enter a note saying what the clearance is based on."));
            m_noteTextEdit->setFocus();
            return;
        }
    }
    QDialog::done(result);
}

} // namespace backscreen::app
