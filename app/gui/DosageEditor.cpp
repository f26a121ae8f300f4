#include "DosageEditor.h"

#include "TextConversion.h"

#include "core/common/Error.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

namespace backscreen::app {

namespace {

/// The sensible bounds of each field, whatever the catalogue's default: a dose outside them is a typing
/// slip rather than a prescription (days a week cannot exceed 7, a hold beyond 5 minutes is not a stretch).
struct Bounds
{
    int low;
    int high;
};

Bounds boundsOf(DosageEditor::Field field, core::DosageMode mode)
{
    switch (field) {
    case DosageEditor::SetsField:
        return {1, 10};
    case DosageEditor::CountField:
        return mode == core::DosageMode::Hold ? Bounds{1, 20} : Bounds{1, 100};
    case DosageEditor::SecondsField:
        return mode == core::DosageMode::Hold ? Bounds{1, 300} : Bounds{0, 60};
    case DosageEditor::RestField:
        return {0, 600};
    case DosageEditor::TimesPerDayField:
        return {1, 12};
    case DosageEditor::DaysPerWeekField:
        return {1, 7};
    default:
        return {0, 0};
    }
}

QString rangeText(const std::optional<core::DosageRange>& range)
{
    if (!range) {
        return {};
    }
    return range->isRange() ? QStringLiteral("%1-%2").arg(range->low).arg(range->high) : QString::number(range->low);
}

} // namespace

DosageEditor::DosageEditor(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dosageEditor"));
    auto* layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    static const char* names[FieldCount] = {"setsLineEdit",
                                            "countLineEdit",
                                            "secondsLineEdit",
                                            "restLineEdit",
                                            "timesPerDayLineEdit",
                                            "daysPerWeekLineEdit"};
    // A number or a range; anything else cannot even be typed.
    auto* validator =
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral(R"(\s*\d{0,6}\s*(-\s*\d{0,6}\s*)?)")), this);
    for (int index = 0; index < FieldCount; ++index) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(names[index]));
        edit->setValidator(validator);
        edit->setPlaceholderText(tr("not given"));
        auto* label = new QLabel(this);
        label->setBuddy(edit);
        layout->addRow(label, edit);
        m_fields.push_back(edit);
        m_labels.push_back(label);
        connect(edit, &QLineEdit::editingFinished, this, &DosageEditor::commit);
    }
    m_perSide = new QCheckBox(tr("On &each side in turn"), this);
    m_perSide->setObjectName(QStringLiteral("perSideCheckBox"));
    m_perSide->setAccessibleName(tr("Each side"));
    m_perSide->setToolTip(tr("The client does the exercise on each side (or leg) in turn"));
    layout->addRow(QString(), m_perSide);
    connect(m_perSide, &QCheckBox::toggled, this, &DosageEditor::commit);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("dosageProblemLabel"));
    m_problemLabel->setAccessibleName(tr("Dose problem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #a00000;"));
    layout->addRow(m_problemLabel);
    setDosage(std::nullopt);
}

void DosageEditor::setDosage(const std::optional<core::Dosage>& dosage)
{
    m_updating = true;
    m_dosage = dosage;
    updateLabels();
    const core::Dosage shown = dosage.value_or(core::Dosage{});
    const bool hold = shown.mode == core::DosageMode::Hold;
    const std::optional<core::DosageRange> values[FieldCount] = {dosage ? std::optional<core::DosageRange>(shown.sets)
                                                                        : std::nullopt,
                                                                 hold ? shown.holds : shown.repetitions,
                                                                 hold ? shown.holdSeconds : shown.pauseSeconds,
                                                                 shown.restSeconds,
                                                                 shown.timesPerDay,
                                                                 shown.daysPerWeek};
    for (int index = 0; index < FieldCount; ++index) {
        m_fields[static_cast<std::size_t>(index)]->setText(rangeText(values[index]));
        m_fields[static_cast<std::size_t>(index)]->setEnabled(dosage.has_value());
    }
    m_perSide->setChecked(shown.perSide);
    m_perSide->setEnabled(dosage.has_value());
    m_problemLabel->clear();
    m_updating = false;
}

QString DosageEditor::problem() const
{
    return m_problemLabel->text();
}

void DosageEditor::updateLabels()
{
    const bool hold = !m_dosage || m_dosage->mode == core::DosageMode::Hold;
    const QString labels[FieldCount] = {tr("&Sets:"),
                                        hold ? tr("&Holds per set:") : tr("&Repetitions per set:"),
                                        hold ? tr("Hold for (seconds):") : tr("&Pause at the top (seconds):"),
                                        tr("R&est (seconds):"),
                                        tr("&Times a day:"),
                                        tr("&Days a week:")};
    const QString tips[FieldCount] = {tr("How many sets; a number, or a range such as 2-3"),
                                      hold ? tr("How many holds in each set") : tr("How many repetitions in each set"),
                                      hold ? tr("How long each hold lasts, in seconds")
                                           : tr("How long to pause at the top of each repetition"),
                                      tr("Rest between holds or sets, in seconds"),
                                      tr("How many times a day; empty when the exercise is tied to a situation"),
                                      tr("How many days a week; a number or a range such as 5-7")};
    const core::DosageMode mode = m_dosage ? m_dosage->mode : core::DosageMode::Hold;
    for (int index = 0; index < FieldCount; ++index) {
        const Bounds bounds = boundsOf(static_cast<Field>(index), mode);
        QLabel* label = m_labels[static_cast<std::size_t>(index)];
        label->setText(labels[index]);
        QLineEdit* edit = m_fields[static_cast<std::size_t>(index)];
        QString name = labels[index];
        name.remove(QLatin1Char('&'));
        name.remove(QLatin1Char(':'));
        edit->setAccessibleName(name);
        edit->setToolTip(tips[index] + tr(" (%1 to %2)").arg(bounds.low).arg(bounds.high));
    }
}

std::optional<core::Dosage> DosageEditor::read() const
{
    if (!m_dosage) {
        return std::nullopt;
    }
    core::Dosage dosage = *m_dosage;
    const bool hold = dosage.mode == core::DosageMode::Hold;
    std::optional<core::DosageRange> values[FieldCount];
    for (int index = 0; index < FieldCount; ++index) {
        QLineEdit* edit = m_fields[static_cast<std::size_t>(index)];
        const QString text = edit->text().simplified().remove(QLatin1Char(' '));
        QString name = edit->accessibleName();
        if (text.isEmpty()) {
            if (index == SetsField) {
                m_problemLabel->setText(tr("%1: a number is needed; expected at least 1").arg(name));
                return std::nullopt;
            }
            continue;
        }
        const QStringList parts = text.split(QLatin1Char('-'));
        bool lowOk = false;
        bool highOk = false;
        const int low = parts.value(0).toInt(&lowOk);
        const int high = parts.size() > 1 ? parts.value(1).toInt(&highOk) : low;
        if (!lowOk || (parts.size() > 1 && !highOk)) {
            m_problemLabel->setText(
                tr("%1: \"%2\" is not a number; expected a number or a range such as 5-7").arg(name, edit->text()));
            return std::nullopt;
        }
        if (low > high) {
            m_problemLabel->setText(tr("%1: %2 runs downwards; expected the low end first, such as %3-%4")
                                        .arg(name, edit->text().simplified())
                                        .arg(high)
                                        .arg(low));
            return std::nullopt;
        }
        const Bounds bounds = boundsOf(static_cast<Field>(index), dosage.mode);
        if (low < bounds.low || high > bounds.high) {
            m_problemLabel->setText(tr("%1: %2 is out of range; expected %3 to %4")
                                        .arg(name, edit->text().simplified())
                                        .arg(bounds.low)
                                        .arg(bounds.high));
            return std::nullopt;
        }
        values[index] = core::DosageRange{low, high};
    }
    dosage.sets = *values[SetsField];
    (hold ? dosage.holds : dosage.repetitions) = values[CountField];
    (hold ? dosage.holdSeconds : dosage.pauseSeconds) = values[SecondsField];
    dosage.restSeconds = values[RestField];
    dosage.timesPerDay = values[TimesPerDayField];
    dosage.daysPerWeek = values[DaysPerWeekField];
    dosage.perSide = m_perSide->isChecked();
    // The stored form's own checks (a range's low end above its high end), as a saved program is read back.
    try {
        dosage = core::dosageFromJson(core::dosageToJson(dosage), "dosage");
    } catch (const Error& error) {
        m_problemLabel->setText(toQString(error.what()));
        return std::nullopt;
    }
    m_problemLabel->clear();
    return dosage;
}

void DosageEditor::commit()
{
    if (m_updating || !m_dosage) {
        return;
    }
    const std::optional<core::Dosage> dosage = read();
    if (dosage && !(*dosage == *m_dosage)) {
        m_dosage = dosage;
        emit dosageEdited(*dosage);
    }
}

} // namespace backscreen::app
