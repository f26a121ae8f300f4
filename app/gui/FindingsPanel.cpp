#include "FindingsPanel.h"

#include "TextConversion.h"
#include "TriageStyle.h"

#include "core/json/JsonWriter.h"

#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace backscreen::app {

namespace {

QString escaped(const std::string& text)
{
    return toQString(text).toHtmlEscaped();
}

QString answerText(const core::JsonValue& answer)
{
    if (answer.isBool()) {
        return answer.asBool() ? FindingsPanel::tr("yes") : FindingsPanel::tr("no");
    }
    if (answer.isString()) {
        return toQString(answer.asString());
    }
    if (answer.isNull()) {
        return FindingsPanel::tr("unanswered");
    }
    return toQString(core::JsonWriter::write(answer));
}

QString screenName(const std::string& screen)
{
    if (screen == "sij") {
        return FindingsPanel::tr("Sacroiliac joint");
    }
    if (screen == "radicular") {
        return FindingsPanel::tr("Radicular (nerve root)");
    }
    if (screen == "lcs") {
        return FindingsPanel::tr("Lower-crossed pattern");
    }
    return toQString(screen);
}

const core::AppliedClearance* clearanceOf(const core::ScreeningResult& result, const std::string& ruleId)
{
    const core::AppliedClearance* found = nullptr;
    for (const core::AppliedClearance& applied : result.clearances) {
        if (applied.clearance.ruleId == ruleId && applied.status != core::ClearanceStatus::Refused) {
            found = &applied;
        }
    }
    return found;
}

/// "cleared by Dr Jones on 2026-11-20" (a stored time shows as its date).
QString clearedByText(const core::Clearance& clearance)
{
    return FindingsPanel::tr("cleared by %1 on %2")
        .arg(toQString(clearance.clearedBy), toQString(clearance.clearedAt.substr(0, 10)));
}

QString changedInputsText(const core::AppliedClearance& applied)
{
    QStringList inputs;
    for (const std::string& input : applied.changedInputs) {
        inputs << toQString(input);
    }
    return inputs.join(QStringLiteral(", "));
}

QString findingHtml(const core::Finding& finding, const core::ScreeningResult& result)
{
    QString html = QStringLiteral("<div style='margin-bottom:10px'>");
    QString badge;
    if (finding.tier) {
        const TriageStyle style = TriageStyle::forName(toQString(std::string(core::triageName(*finding.tier))));
        badge = QStringLiteral("<span style='background:%1;color:%2'>&nbsp;%3&nbsp;</span> ")
                    .arg(style.background.name(), style.foreground.name(), style.label.toHtmlEscaped());
    } else if (!finding.outcome.empty()) {
        badge = QStringLiteral("<span style='background:#e3f2fd;color:#0d47a1'>&nbsp;%1: %2&nbsp;</span> ")
                    .arg(screenName(finding.screen).toHtmlEscaped(), escaped(finding.outcome));
    }
    QString clearanceNote;
    if (const core::AppliedClearance* applied =
            finding.kind == core::RuleKind::Flag ? clearanceOf(result, finding.ruleId) : nullptr) {
        clearanceNote = applied->status == core::ClearanceStatus::Active
                            ? QStringLiteral(" <i>(%1)</i>").arg(clearedByText(applied->clearance).toHtmlEscaped())
                            : QStringLiteral(" <i style='color:#b00020'>(%1)</i>")
                                  .arg(FindingsPanel::tr("clearance lapsed: %1 changed since it was %2")
                                           .arg(changedInputsText(*applied), clearedByText(applied->clearance))
                                           .toHtmlEscaped());
    } else if (finding.cleared) {
        clearanceNote = QStringLiteral(" <i>(%1)</i>").arg(FindingsPanel::tr("cleared"));
    }
    html += QStringLiteral("<p style='margin:0'>%1<b>%2</b>%3</p>").arg(badge, escaped(finding.title), clearanceNote);
    html += QStringLiteral("<p style='margin:0;color:#444'>%1</p>")
                .arg(FindingsPanel::tr("Rule %1 · %2 %3 · reference %4")
                         .arg(escaped(finding.ruleId),
                              escaped(finding.rulesetId),
                              escaped(finding.rulesetVersion),
                              escaped(finding.reference)));
    if (!finding.why.empty()) {
        html += QStringLiteral("<p style='margin:0'>%1</p><ul style='margin-top:0'>").arg(FindingsPanel::tr("Why:"));
        for (const core::WhyItem& why : finding.why) {
            html += QStringLiteral("<li>%1 <b>%2</b> <span style='color:#666'>(%3)</span></li>")
                        .arg(escaped(why.text), answerText(why.answer).toHtmlEscaped(), escaped(why.linkId));
        }
        html += QStringLiteral("</ul>");
    }
    if (!finding.citation.empty()) {
        html += QStringLiteral("<p style='margin:0;color:#666;font-size:small'>%1</p>").arg(escaped(finding.citation));
    }
    html += QStringLiteral("</div>");
    return html;
}

} // namespace

FindingsPanel::FindingsPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("findingsPanel"));
    setAccessibleName(tr("Findings"));

    auto* heading = new QLabel(tr("Findings (live)"), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    heading->setFont(headingFont);

    m_triageLabel = new QLabel(this);
    m_triageLabel->setObjectName(QStringLiteral("triageLabel"));
    m_triageLabel->setAlignment(Qt::AlignCenter);
    m_triageLabel->setMinimumHeight(44);
    QFont triageFont = m_triageLabel->font();
    triageFont.setBold(true);
    triageFont.setPointSizeF(triageFont.pointSizeF() * 1.4);
    m_triageLabel->setFont(triageFont);
    m_triageLabel->setAccessibleName(tr("Triage"));

    m_urgencyLabel = new QLabel(this);
    m_urgencyLabel->setObjectName(QStringLiteral("urgencyLabel"));
    m_urgencyLabel->setWordWrap(true);
    m_urgencyLabel->setAccessibleName(tr("What to do"));

    m_blockedLabel = new QLabel(this);
    m_blockedLabel->setObjectName(QStringLiteral("blockedLabel"));
    m_blockedLabel->setWordWrap(true);
    m_blockedLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_blockedLabel->setAccessibleName(tr("Program blocked"));

    m_findingsTextBrowser = new QTextBrowser(this);
    m_findingsTextBrowser->setObjectName(QStringLiteral("findingsTextBrowser"));
    m_findingsTextBrowser->setAccessibleName(tr("Findings with their reasons"));
    m_findingsTextBrowser->setToolTip(tr("Each finding with the answers that decided it, its rule and its reference"));
    m_findingsTextBrowser->setOpenLinks(false);
    m_findingsTextBrowser->setFocusPolicy(Qt::ClickFocus);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_triageLabel);
    layout->addWidget(m_urgencyLabel);
    layout->addWidget(m_blockedLabel);
    m_clearanceActions = new QWidget(this);
    m_clearanceActions->setObjectName(QStringLiteral("clearanceActions"));
    m_clearanceActions->setAccessibleName(tr("Clearances"));
    m_clearanceActions->setToolTip(tr("Record a documented medical clearance of a fired SOON or URGENT red flag"));
    m_clearanceLayout = new QVBoxLayout(m_clearanceActions);
    m_clearanceLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_clearanceActions);
    layout->addWidget(m_findingsTextBrowser, 1);

    showResult(core::ScreeningResult{});
}

void FindingsPanel::showResult(const core::ScreeningResult& result)
{
    m_result = result;
    const TriageStyle style = TriageStyle::forName(toQString(std::string(core::triageName(result.triage))));
    m_triageLabel->setText(style.label);
    m_triageLabel->setStyleSheet(QStringLiteral("background: %1; color: %2; border-radius: 4px; padding: 6px;")
                                     .arg(style.background.name(), style.foreground.name()));
    m_triageLabel->setToolTip(style.description);
    const bool referral = core::isReferralTier(result.triage);
    m_urgencyLabel->setText(style.description);
    QFont urgencyFont = font();
    urgencyFont.setBold(referral);
    if (referral) {
        urgencyFont.setPointSizeF(urgencyFont.pointSizeF() * 1.15);
    }
    m_urgencyLabel->setFont(urgencyFont);
    m_blockedLabel->setText(result.programBlocked ? tr("Home program blocked: %1").arg(toQString(result.blockingReason))
                                                  : QString());
    m_blockedLabel->setVisible(result.programBlocked);

    QString html;
    if (!result.missing.empty()) {
        html +=
            QStringLiteral("<h4 style='margin-bottom:2px'>%1</h4><ul style='margin-top:0'>")
                .arg(tr(
                    "Still to answer for the red-flag screen (%n)", nullptr, static_cast<int>(result.missing.size())));
        for (const std::string& linkId : result.missing) {
            html += QStringLiteral("<li>%1</li>").arg(escaped(linkId));
        }
        html += QStringLiteral("</ul>");
    }
    QString redFlags;
    QString patterns;
    for (const core::Finding& finding : result.findings) {
        (finding.kind == core::RuleKind::Flag ? redFlags : patterns) += findingHtml(finding, result);
    }
    html += QStringLiteral("<h4 style='margin-bottom:2px'>%1</h4>").arg(tr("Red flags"));
    html += redFlags.isEmpty() ? QStringLiteral("<p>%1</p>").arg(tr("None fired.")) : redFlags;
    if (!result.patterns.empty()) {
        html += QStringLiteral("<h4 style='margin-bottom:2px'>%1</h4><table cellspacing='0' cellpadding='2'>")
                    .arg(tr("Patterns"));
        for (const core::PatternResult& pattern : result.patterns) {
            html += QStringLiteral("<tr><td>%1</td><td><b>%2</b>%3</td></tr>")
                        .arg(screenName(pattern.screen).toHtmlEscaped(),
                             escaped(pattern.value),
                             pattern.provisional ? QStringLiteral(" <i>(%1)</i>").arg(tr("provisional")) : QString());
        }
        html += QStringLiteral("</table>");
    }
    if (!patterns.isEmpty()) {
        html += QStringLiteral("<h4 style='margin-bottom:2px'>%1</h4>").arg(tr("Pattern findings")) + patterns;
    }
    if (!result.clearances.empty()) {
        html += QStringLiteral("<h4 style='margin-bottom:2px'>%1</h4><ul style='margin-top:0'>")
                    .arg(tr("Clearances on record (%n)", nullptr, static_cast<int>(result.clearances.size())));
        for (const core::AppliedClearance& applied : result.clearances) {
            QString status;
            if (applied.status == core::ClearanceStatus::Active) {
                status = tr("active");
            } else if (applied.status == core::ClearanceStatus::Lapsed) {
                status = tr("lapsed: the inputs changed (%1)").arg(changedInputsText(applied));
            } else {
                status = tr("not applied: this rule cannot be cleared");
            }
            html += QStringLiteral("<li><b>%1</b> %2, %3: %4<br><span style='color:#666'>%5</span></li>")
                        .arg(escaped(applied.clearance.ruleId),
                             clearedByText(applied.clearance).toHtmlEscaped(),
                             escaped(std::string(core::clearanceReasonName(applied.clearance.reason))),
                             status.toHtmlEscaped(),
                             escaped(applied.clearance.note));
        }
        html += QStringLiteral("</ul>");
    }
    m_findingsTextBrowser->setHtml(html);
    showClearanceActions(result);
    setAccessibleDescription(style.label + QStringLiteral(". ") + m_blockedLabel->text());
}

void FindingsPanel::setClearanceAllowed(bool allowed, const QString& why)
{
    // Called before every re-screening, which rebuilds the actions anyway: rebuild here only on a change.
    if (allowed == m_clearanceAllowed && why == m_clearanceDeniedReason) {
        return;
    }
    m_clearanceAllowed = allowed;
    m_clearanceDeniedReason = why;
    showClearanceActions(m_result);
}

void FindingsPanel::showClearanceActions(const core::ScreeningResult& result)
{
    // Rebuilt for every result; the old widgets go later, as one of them may be sending the signal now.
    for (QWidget* old : m_clearanceActions->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
        m_clearanceLayout->removeWidget(old);
        old->hide();
        old->setObjectName(QString());
        old->deleteLater();
    }
    int shown = 0;
    for (const core::Finding& finding : result.findings) {
        if (finding.kind != core::RuleKind::Flag || !finding.tier || finding.cleared) {
            continue;
        }
        const QString ruleId = toQString(finding.ruleId);
        if (*finding.tier == core::Triage::Emergency) {
            auto* label = new QLabel(tr("%1 is an EMERGENCY red flag: no clearance is possible.").arg(ruleId),
                                     m_clearanceActions);
            label->setObjectName(QStringLiteral("noClearanceLabel_") + ruleId);
            label->setWordWrap(true);
            label->setAccessibleName(tr("No clearance for %1").arg(ruleId));
            label->setToolTip(tr("EMERGENCY red flags cannot be cleared in Backscreen: %1")
                                  .arg(toQString(std::string(core::triageAction(core::Triage::Emergency)))));
            m_clearanceLayout->addWidget(label);
            ++shown;
            continue;
        }
        if (*finding.tier != core::Triage::Soon && *finding.tier != core::Triage::Urgent) {
            continue;
        }
        auto* button = new QPushButton(tr("Record clearance of %1…").arg(ruleId), m_clearanceActions);
        button->setObjectName(QStringLiteral("recordClearanceButton_") + ruleId);
        button->setAccessibleName(tr("Record clearance of %1").arg(ruleId));
        button->setToolTip(m_clearanceAllowed ? tr("Record that a clinician medically reviewed %1 (%2): who, when, why")
                                                    .arg(ruleId, toQString(finding.title))
                                              : m_clearanceDeniedReason);
        button->setEnabled(m_clearanceAllowed);
        connect(button, &QPushButton::clicked, this, [this, ruleId] { emit clearanceRequested(ruleId); });
        m_clearanceLayout->addWidget(button);
        ++shown;
    }
    m_clearanceActions->setVisible(shown > 0);
}

QString FindingsPanel::findingsText() const
{
    return m_findingsTextBrowser->toPlainText();
}

} // namespace backscreen::app
