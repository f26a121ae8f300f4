#pragma once

#include "core/program/Dosage.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace backscreen::app {

/// The dose of one exercise as the therapist edits it: sets, holds or repetitions, seconds held or paused,
/// rest, times a day and days a week, each a number or a range ("5-7"), and "each side". A field is checked
/// when it is left (or Enter is pressed): a number outside the field's sensible range, a range whose low end
/// is above its high end, or text that is not a number is refused with a message naming the field, and
/// nothing changes; a valid change is emitted as dosageEdited.
class DosageEditor : public QWidget
{
    Q_OBJECT

public:
    /// The editable fields; which of holds/repetitions and hold/pause seconds apply depends on the mode.
    enum Field
    {
        SetsField,
        CountField,
        SecondsField,
        RestField,
        TimesPerDayField,
        DaysPerWeekField,
        FieldCount,
    };

    explicit DosageEditor(QWidget* parent = nullptr);

    /// Shows a dose (nullopt: nothing selected, the fields are disabled).
    void setDosage(const std::optional<core::Dosage>& dosage);

    QLineEdit* field(Field which) const { return m_fields[static_cast<std::size_t>(which)]; }

    QCheckBox* perSideCheckBox() const { return m_perSide; }

    /// The last refusal, empty after a valid edit.
    QString problem() const;

    /// Reads every field into a dose; nullopt (and the problem shown) when a field is invalid.
    std::optional<core::Dosage> read() const;

signals:
    void dosageEdited(const core::Dosage& dosage);

private:
    void commit();
    void updateLabels();

    std::optional<core::Dosage> m_dosage;
    std::vector<QLineEdit*> m_fields;
    std::vector<QLabel*> m_labels;
    QCheckBox* m_perSide;
    QLabel* m_problemLabel;
    bool m_updating = false;
};

} // namespace backscreen::app
