#pragma once

#include "core/program/ExerciseCatalogue.h"
#include "core/program/Program.h"
#include "core/program/ProgramRuleset.h"

#include <QRectF>
#include <QSizeF>

#include <map>
#include <memory>
#include <string>
#include <vector>

class QIODevice;
class QPagedPaintDevice;
class QSvgRenderer;

namespace backscreen::app {

/// Who and when, printed in the handout's header (UTF-8).
struct HandoutDetails
{
    std::string clinicName;
    std::string clientName;
    std::string therapistName;
    /// As printed, e.g. "2026-11-24".
    std::string date;
};

enum class HandoutPageSize
{
    A4,
    Letter,
};

/// One rectangle the renderer drew, in points from the page's top-left corner; `page` counts from 1.
struct HandoutRect
{
    int page = 0;
    QRectF rect;
    /// The exercise id for exercise blocks and illustration boxes, the section name otherwise.
    std::string subject;
};

/// What the renderer drew, so tests can check the layout instead of comparing bytes.
struct HandoutLayout
{
    int pageCount = 0;
    /// The paper, in points (A4 595 × 842, US Letter 612 × 792).
    QSizeF pageSize;
    /// The page less its margins; everything but the running header and footer lies inside it.
    QRectF printableArea;
    std::vector<HandoutRect> exerciseBlocks;
    std::vector<HandoutRect> illustrationBoxes;
    /// The header, the instructions, the notes and the stop-and-call-us box.
    std::vector<HandoutRect> sections;
};

/// Renders a program as the client's printed handout: a PDF (A4 or US Letter) with a header (clinic,
/// client, therapist, date, program version), how-to instructions (G3, G4, G9), the program's notes,
/// precautions and further-assessment lines, a stop-and-call-us box (G5 and red-flags.md §6), then one
/// block per exercise (start and finish illustrations in bordered boxes, starting position, numbered steps,
/// the dose in plain words, what to avoid, take-care notes, the nerve-friendly form where flagged, the
/// therapist's note and a 7-day tick chart). Blocks are measured first and never split across pages; each
/// page ends with "Page N of M". Needs a QGuiApplication. Greyscale only, so it prints well anywhere.
class HandoutRenderer
{
public:
    HandoutRenderer(const core::ExerciseCatalogue& catalogue, const core::ProgramRuleset& ruleset);
    ~HandoutRenderer();

    HandoutRenderer(const HandoutRenderer&) = delete;
    HandoutRenderer& operator=(const HandoutRenderer&) = delete;

    /// Writes the PDF to `path`. Throws backscreen::Error: HandoutWriteFailed when the file cannot be
    /// written, HandoutIllustrationUnreadable when an SVG cannot be parsed, ProgramInvalid when the program
    /// names an exercise the catalogue does not have.
    HandoutLayout writePdf(const core::Program& program,
                           const HandoutDetails& details,
                           HandoutPageSize pageSize,
                           const std::string& path) const;
    /// The same into an open device (a QBuffer in benchmarks).
    HandoutLayout writePdf(const core::Program& program,
                           const HandoutDetails& details,
                           HandoutPageSize pageSize,
                           QIODevice& device) const;

    /// Paints the handout on `device` (a QPdfWriter, or a QPrinter for print preview and printing) on the
    /// device's own paper. The device must work in points: 72 dpi, no margins (the handout draws its own).
    /// Throws as writePdf, HandoutWriteFailed when painting cannot start.
    HandoutLayout paint(const core::Program& program, const HandoutDetails& details, QPagedPaintDevice& device) const;

private:
    const core::ExerciseCatalogue& m_catalogue;
    const core::ProgramRuleset& m_ruleset;
    // Parsed illustrations, kept across handouts: parsing dominates rendering otherwise.
    mutable std::map<std::string, std::unique_ptr<QSvgRenderer>> m_illustrations;

    QSvgRenderer& illustration(const std::filesystem::path& path) const;
};

} // namespace backscreen::app
