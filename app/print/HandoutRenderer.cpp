#include "HandoutRenderer.h"

#include "core/common/Error.h"

#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgRenderer>

#include <algorithm>
#include <functional>
#include <variant>

namespace backscreen::app {

namespace {

// Points; the PDF writer runs at 72 dpi so one device unit is one point.
constexpr double marginSide = 50.0;
constexpr double marginTop = 46.0;
constexpr double marginBottom = 46.0;
constexpr double blockGap = 10.0;
constexpr double blockPadding = 10.0;

const QColor ink(0x11, 0x11, 0x11);
const QColor secondary(0x55, 0x55, 0x55);
const QColor rule(0x99, 0x99, 0x99);
const QColor fill(0xee, 0xee, 0xee);
const QColor lightFill(0xf6, 0xf6, 0xf6);

QString text(const std::string& utf8)
{
    return QString::fromStdString(utf8);
}

/// Catalogue text for the client. References meant for the clinician are reworded or left out: "(G5)",
/// "(EX-CO-01)" and "(neural, see RAD-E1)" go, "see G6" points at the nerve-friendly form, another
/// exercise's id becomes its name, and "None specific beyond G5" points at the safety box.
QString clientText(const std::string& utf8, const core::ExerciseCatalogue& catalogue)
{
    static const QRegularExpression noneSpecific(QStringLiteral(R"(^None specific beyond .*$)"));
    static const QRegularExpression bareReference(
        QStringLiteral(R"(\s*\((?:G\d(?: and G\d)?|EX-[A-Z]{2}-\d{2}|neural, see RAD-E\d)\))"));
    static const QRegularExpression seeG6(QStringLiteral(R"(see G6)"));
    static const QRegularExpression exerciseId(QStringLiteral(R"(EX-[A-Z]{2}-\d{2})"));
    QString result = QString::fromStdString(utf8);
    if (noneSpecific.match(result).hasMatch()) {
        return QStringLiteral("Nothing special beyond the stop-and-call-us advice.");
    }
    result.remove(bareReference);
    result.replace(seeG6, QStringLiteral("use the nerve-friendly form"));
    static const QRegularExpression exerciseGroup(QStringLiteral(R"(the EX-[A-Z]{2} exercises)"));
    result.replace(exerciseGroup, QStringLiteral("the other exercises"));
    QRegularExpressionMatch match;
    while ((match = exerciseId.match(result)).hasMatch()) {
        const core::Exercise* named = catalogue.find(match.captured().toStdString());
        QString name = named == nullptr ? QStringLiteral("another exercise")
                                        : QStringLiteral("the ") + QString::fromStdString(named->name).toLower();
        result.replace(match.capturedStart(), match.capturedLength(), name);
    }
    return result;
}

QFont font(double points, bool bold = false, bool italic = false)
{
    QFont result(QStringLiteral("DejaVu Sans"));
    result.setStyleHint(QFont::SansSerif);
    result.setPointSizeF(points);
    result.setBold(bold);
    result.setItalic(italic);
    // Unhinted metrics keep measured and drawn text identical at 72 dpi.
    result.setHintingPreference(QFont::PreferNoHinting);
    return result;
}

/// One thing to draw, in coordinates relative to its block's top-left corner.
struct TextItem
{
    QRectF rect;
    QFont font;
    QColor colour;
    int flags;
    QString text;
};

struct BoxItem
{
    QRectF rect;
    QColor pen;
    double penWidth;
    QColor brush;
    double radius;
    Qt::PenStyle style = Qt::SolidLine;
};

struct LineItem
{
    QPointF from;
    QPointF to;
    QColor pen;
    double width;
};

struct CircleItem
{
    QRectF rect;
    QColor brush;
};

struct SvgItem
{
    QRectF rect;
    QSvgRenderer* renderer;
};

using Item = std::variant<TextItem, BoxItem, LineItem, CircleItem, SvgItem>;

/// A measured piece of the handout that is never split across pages.
struct Block
{
    enum class Kind
    {
        Section,
        Exercise,
    };

    Kind kind = Kind::Section;
    std::string subject;
    double height = 0.0;
    std::vector<Item> items;
    /// Illustration boxes inside the block (relative), reported in the layout.
    std::vector<std::pair<QRectF, std::string>> illustrationBoxes;
};

/// Builds a block's display list top to bottom, measuring wrapped text with the PDF's own metrics.
class BlockBuilder
{
public:
    BlockBuilder(QPaintDevice& device, double width, const core::ExerciseCatalogue& catalogue)
        : m_device(device)
        , m_width(width)
        , m_catalogue(catalogue)
    {}

    double width() const { return m_width; }

    double y() const { return m_y; }

    void advance(double amount) { m_y += amount; }

    double measure(const QFont& textFont, double width, const QString& body, int flags = Qt::TextWordWrap) const
    {
        QFontMetricsF metrics(textFont, &m_device);
        return metrics.boundingRect(QRectF(0, 0, width, 100000.0), flags, body).height();
    }

    /// Wrapped text at (x, y) with the given width; returns its height.
    double textAt(double x,
                  double top,
                  double width,
                  const QString& body,
                  const QFont& textFont,
                  const QColor& colour = ink,
                  int flags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop)
    {
        double height = measure(textFont, width, body, flags);
        m_items.push_back(TextItem{QRectF(x, top, width, height), textFont, colour, flags, body});
        return height;
    }

    /// Wrapped text across the block at the current position, then moves below it.
    void paragraph(const QString& body, const QFont& textFont, const QColor& colour = ink, double indent = 0.0)
    {
        m_y += textAt(indent, m_y, m_width - indent, body, textFont, colour);
    }

    /// A list with hanging markers ("1.", "•"); returns the height used.
    double list(double x,
                double top,
                double width,
                const std::vector<std::string>& entries,
                const QFont& textFont,
                bool numbered,
                double spacing = 2.0)
    {
        double y = top;
        const double hang = numbered ? 16.0 : 11.0;
        for (std::size_t index = 0; index < entries.size(); ++index) {
            QString marker = numbered ? QString::number(index + 1) + QStringLiteral(".") : QStringLiteral("•");
            QFont markerFont = textFont;
            markerFont.setBold(numbered);
            textAt(x, y, hang, marker, markerFont, numbered ? ink : secondary);
            y += textAt(x + hang, y, width - hang, clientText(entries[index], m_catalogue), textFont) + spacing;
        }
        return y - top;
    }

    void add(Item item) { m_items.push_back(std::move(item)); }

    std::size_t itemCount() const { return m_items.size(); }

    void insertAt(std::size_t index, Item item)
    {
        m_items.insert(m_items.begin() + static_cast<std::ptrdiff_t>(index), std::move(item));
    }

    /// Puts an item behind everything added so far (frames and fills drawn after measuring their content).
    void addBehind(Item item) { m_items.insert(m_items.begin(), std::move(item)); }

    Block finish(Block::Kind kind, std::string subject)
    {
        Block block;
        block.kind = kind;
        block.subject = std::move(subject);
        block.height = m_y;
        block.items = std::move(m_items);
        block.illustrationBoxes = std::move(m_illustrationBoxes);
        return block;
    }

    void illustrationBox(const QRectF& rect, const std::string& exerciseId)
    {
        m_illustrationBoxes.emplace_back(rect, exerciseId);
    }

private:
    QPaintDevice& m_device;
    double m_width;
    const core::ExerciseCatalogue& m_catalogue;
    double m_y = 0.0;
    std::vector<Item> m_items;
    std::vector<std::pair<QRectF, std::string>> m_illustrationBoxes;
};

void paintItems(QPainter& painter, const std::vector<Item>& items, QPointF origin)
{
    for (const Item& item : items) {
        if (const auto* textItem = std::get_if<TextItem>(&item)) {
            painter.setFont(textItem->font);
            painter.setPen(textItem->colour);
            painter.drawText(textItem->rect.translated(origin), textItem->flags, textItem->text);
        } else if (const auto* box = std::get_if<BoxItem>(&item)) {
            QPen pen(box->pen, box->penWidth, box->style);
            painter.setPen(box->penWidth > 0.0 ? pen : QPen(Qt::NoPen));
            painter.setBrush(box->brush.alpha() == 0 ? QBrush(Qt::NoBrush) : QBrush(box->brush));
            painter.drawRoundedRect(box->rect.translated(origin), box->radius, box->radius);
        } else if (const auto* line = std::get_if<LineItem>(&item)) {
            painter.setPen(QPen(line->pen, line->width));
            painter.drawLine(line->from + origin, line->to + origin);
        } else if (const auto* circle = std::get_if<CircleItem>(&item)) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(circle->brush);
            painter.drawEllipse(circle->rect.translated(origin));
        } else if (const auto* svg = std::get_if<SvgItem>(&item)) {
            svg->renderer->render(&painter, svg->rect.translated(origin));
        }
    }
    painter.setBrush(Qt::NoBrush);
}

/// Builds the handout's blocks for one page width; writePdf paginates and paints them.
class HandoutComposer
{
public:
    HandoutComposer(QPaintDevice& device,
                    double width,
                    const core::ExerciseCatalogue& catalogue,
                    const core::ProgramRuleset& ruleset,
                    std::function<QSvgRenderer&(const std::filesystem::path&)> illustration)
        : m_device(device)
        , m_width(width)
        , m_catalogue(catalogue)
        , m_ruleset(ruleset)
        , m_illustration(std::move(illustration))
    {}

    // Header: clinic, title, and who/when/version.
    Block header(const core::Program& program, const HandoutDetails& details) const
    {
        const double width = m_width;
        BlockBuilder builder(m_device, width, m_catalogue);
        QString clinic =
            details.clinicName.empty() ? QStringLiteral("Home exercise program") : text(details.clinicName);
        double clinicHeight = builder.textAt(0, 0, width * 0.62, clinic, font(17, true));
        builder.textAt(width * 0.62,
                       4,
                       width * 0.38,
                       QStringLiteral("Home exercise program"),
                       font(11, true),
                       secondary,
                       Qt::AlignRight | Qt::AlignTop | Qt::TextWordWrap);
        builder.advance(std::max(clinicHeight, 22.0) + 6);
        builder.add(LineItem{QPointF(0, builder.y()), QPointF(width, builder.y()), ink, 1.8});
        builder.advance(8);
        const std::vector<std::pair<QString, QString>> fields = {
            {QStringLiteral("CLIENT"), text(details.clientName)},
            {QStringLiteral("THERAPIST"), text(details.therapistName)},
            {QStringLiteral("DATE"), text(details.date)},
            {QStringLiteral("PROGRAM"), QStringLiteral("Version %1").arg(program.version)}};
        const double columns[] = {0.0, 0.34, 0.64, 0.82};
        double rowHeight = 0;
        for (std::size_t index = 0; index < fields.size(); ++index) {
            double x = columns[index] * width;
            double columnWidth = (index + 1 < fields.size() ? columns[index + 1] * width : width) - x - 6;
            double labelHeight =
                builder.textAt(x, builder.y(), columnWidth, fields[index].first, font(7.5, true), secondary);
            double valueHeight =
                builder.textAt(x,
                               builder.y() + labelHeight + 1,
                               columnWidth,
                               fields[index].second.isEmpty() ? QStringLiteral("—") : fields[index].second,
                               font(11, true));
            rowHeight = std::max(rowHeight, labelHeight + 1 + valueHeight);
        }
        builder.advance(rowHeight + 6);
        builder.add(LineItem{QPointF(0, builder.y()), QPointF(width, builder.y()), rule, 0.6});
        builder.advance(2);
        return builder.finish(Block::Kind::Section, "header");
    }

    // The exercises at a glance, with the page each is on (filled in after pagination).
    /// `pageItems` receives the index of each row's page text, filled in after pagination.
    Block exerciseList(const core::Program& program, std::vector<std::size_t>& glancePageItems) const
    {
        const double width = m_width;
        BlockBuilder builder(m_device, width, m_catalogue);
        builder.textAt(0, 0, width, QStringLiteral("Your exercises"), font(11.5, true));
        builder.advance(19);
        for (std::size_t index = 0; index < program.exercises.size(); ++index) {
            const core::Exercise& exercise = *m_catalogue.find(program.exercises[index].exerciseId);
            const double rowTop = builder.y();
            builder.add(CircleItem{QRectF(0, rowTop + 1, 15, 15), ink});
            builder.add(TextItem{
                QRectF(0, rowTop + 1, 15, 15), font(8, true), Qt::white, Qt::AlignCenter, QString::number(index + 1)});
            double nameHeight = builder.textAt(24, rowTop + 2, width * 0.62, text(exercise.name), font(9.5, true));
            QString kind = QString::fromLatin1(core::exerciseCategoryName(exercise.category));
            kind[0] = kind[0].toUpper();
            builder.textAt(24 + width * 0.62 + 8, rowTop + 3, width * 0.38 - 100, kind, font(8.5), secondary);
            glancePageItems.push_back(builder.itemCount());
            builder.textAt(width - 60,
                           rowTop + 3,
                           60,
                           QStringLiteral("page 00"),
                           font(8.5),
                           secondary,
                           Qt::AlignRight | Qt::AlignTop);
            builder.advance(std::max(18.0, nameHeight + 5));
            builder.add(LineItem{QPointF(0, builder.y() - 1.5), QPointF(width, builder.y() - 1.5), fill, 0.8});
        }
        return builder.finish(Block::Kind::Section, "exercises");
    }

    // Stop and call us: G5 and the red-flag safety-netting.
    Block safety() const
    {
        const double width = m_width;
        const core::SafetyNet& safety = m_ruleset.safetyNet();
        BlockBuilder builder(m_device, width, m_catalogue);
        const double inner = width - 2 * blockPadding;
        builder.advance(blockPadding);
        builder.add(CircleItem{QRectF(blockPadding, builder.y() + 1, 18, 18), ink});
        builder.textAt(
            blockPadding, builder.y() + 1, 18, QStringLiteral("!"), font(11, true), Qt::white, Qt::AlignCenter);
        builder.textAt(
            blockPadding + 26, builder.y() + 1, inner - 26, QStringLiteral("Stop and call us"), font(13, true));
        builder.advance(26);
        auto part = [&](const QString& lead, const std::vector<std::string>& entries) {
            builder.advance(builder.textAt(blockPadding, builder.y(), inner, lead, font(9.5, true)) + 2);
            builder.advance(builder.list(blockPadding + 4, builder.y(), inner - 4, entries, font(9.5), false, 1.0) + 5);
        };
        part(QStringLiteral("Stop the exercises and call us if:"), safety.stopAndCall);
        part(QStringLiteral("Go to an emergency department straight away if you notice:"), safety.emergency);
        part(QStringLiteral("Contact your doctor the same day if:"), safety.sameDayDoctor);
        builder.advance(blockPadding - 5);
        builder.addBehind(BoxItem{QRectF(1, 1, width - 2, builder.y() - 2), ink, 2.0, QColor(0, 0, 0, 0), 6.0});
        return builder.finish(Block::Kind::Section, "safety");
    }

    // The program's own notes, precautions and further-assessment lines.
    Block notes(const core::Program& program) const
    {
        const double width = m_width;
        BlockBuilder builder(m_device, width, m_catalogue);
        auto group = [&](const QString& heading, const std::vector<std::string>& entries) {
            if (entries.empty()) {
                return;
            }
            builder.textAt(0, builder.y(), width, heading, font(11.5, true));
            builder.advance(17);
            builder.advance(builder.list(0, builder.y(), width, entries, font(9.5), false) + 6);
        };
        group(QStringLiteral("Notes for you"), program.notes);
        group(QStringLiteral("Take care"), program.precautions);
        group(QStringLiteral("Next steps"), program.furtherAssessment);
        return builder.finish(Block::Kind::Section, "notes");
    }

    // How to do the exercises: the catalogue's handout rules plus how to use the chart.
    Block instructions() const
    {
        const double width = m_width;
        BlockBuilder builder(m_device, width, m_catalogue);
        const double inner = width - 2 * blockPadding;
        builder.advance(blockPadding);
        builder.textAt(blockPadding, builder.y(), inner, QStringLiteral("How to do your exercises"), font(11.5, true));
        builder.advance(18);
        std::vector<std::string> lines = {
            "Do the exercises in the order shown, at the dose written under \"How much\". Tick the chart each time "
            "you do one."};
        for (const core::HandoutRule& handoutRule : m_catalogue.handoutRules()) {
            if (handoutRule.id != "G5") {
                lines.push_back(handoutRule.text);
            }
        }
        builder.advance(builder.list(blockPadding, builder.y(), inner, lines, font(9.5), false));
        builder.advance(blockPadding - 2);
        builder.addBehind(BoxItem{QRectF(0, 0, width, builder.y()), QColor(0, 0, 0, 0), 0.0, lightFill, 5.0});
        return builder.finish(Block::Kind::Section, "instructions");
    }

    // One block per exercise.
    Block exercise(const core::ProgramExercise& item, std::size_t index) const
    {
        const double width = m_width;
        const core::Exercise& exercise = *m_catalogue.find(item.exerciseId);
        BlockBuilder builder(m_device, width, m_catalogue);
        const double inner = width - 2 * blockPadding;
        const double left = blockPadding;
        builder.advance(blockPadding);

        // Title row: number, name, then category and target underneath.
        builder.add(CircleItem{QRectF(left, builder.y(), 22, 22), ink});
        builder.add(TextItem{
            QRectF(left, builder.y(), 22, 22), font(11, true), Qt::white, Qt::AlignCenter, QString::number(index + 1)});
        double nameHeight = builder.textAt(left + 30, builder.y(), inner - 30, text(exercise.name), font(13, true));
        builder.advance(nameHeight);
        QString kind = QString::fromLatin1(core::exerciseCategoryName(exercise.category));
        kind[0] = kind[0].toUpper();
        QString tips;
        for (const std::string& callout : exercise.callouts) {
            tips += (tips.isEmpty() ? QStringLiteral("Remember: ") : QStringLiteral(" · ")) + text(callout);
        }
        double subtitleHeight = builder.textAt(left + 30,
                                               builder.y(),
                                               (inner - 30) * (tips.isEmpty() ? 1.0 : 0.55),
                                               kind + QStringLiteral(" · ") + clientText(exercise.target, m_catalogue),
                                               font(8.5),
                                               secondary);
        if (!tips.isEmpty()) {
            subtitleHeight = std::max(subtitleHeight,
                                      builder.textAt(left + 30 + (inner - 30) * 0.55,
                                                     builder.y(),
                                                     (inner - 30) * 0.45,
                                                     tips,
                                                     font(8.5, true),
                                                     ink,
                                                     Qt::AlignRight | Qt::AlignTop | Qt::TextWordWrap));
        }
        builder.advance(subtitleHeight);
        builder.advance(std::max(0.0, 22.0 - nameHeight - subtitleHeight) + 6);

        // Illustrations (start, finish) on the left; the dose and the week's tick chart on the right.
        const double pictureWidth = (inner * 0.57 - 8) / 2;
        const double pictureHeight = pictureWidth * 0.75;
        const double captionHeight = 14;
        const double top = builder.y();
        const std::pair<const std::filesystem::path*, QString> pictures[] = {
            {&exercise.startIllustration, QStringLiteral("Start")},
            {&exercise.endIllustration, QStringLiteral("Finish")}};
        for (int picture = 0; picture < 2; ++picture) {
            QRectF box(left + picture * (pictureWidth + 8), top, pictureWidth, pictureHeight + captionHeight);
            builder.add(BoxItem{box, rule, 0.8, Qt::white, 4.0});
            builder.add(SvgItem{QRectF(box.left() + 3, box.top() + 3, pictureWidth - 6, pictureHeight - 6),
                                &illustration(*pictures[picture].first)});
            builder.add(LineItem{QPointF(box.left(), box.bottom() - captionHeight),
                                 QPointF(box.right(), box.bottom() - captionHeight),
                                 rule,
                                 0.5});
            builder.textAt(box.left(),
                           box.bottom() - captionHeight + 1.5,
                           box.width(),
                           pictures[picture].second,
                           font(8, true),
                           secondary,
                           Qt::AlignHCenter | Qt::AlignTop);
            builder.illustrationBox(box, exercise.id);
        }
        double leftBottom = top + pictureHeight + captionHeight;
        const double panelLeft = left + 2 * pictureWidth + 16;
        const double panelWidth = left + inner - panelLeft;
        const double panelInner = panelWidth - 16;
        const std::size_t panelTextStart = builder.itemCount();
        double panelY = top + 8;
        panelY +=
            builder.textAt(panelLeft + 8, panelY, panelInner, QStringLiteral("HOW MUCH"), font(7.5, true), secondary)
            + 2;
        panelY +=
            builder.textAt(panelLeft + 8, panelY, panelInner, text(core::dosageInWords(item.dosage)), font(10, true))
            + 8;

        // Tick chart: 7 days by sessions a day.
        int sessions = item.dosage.timesPerDay ? std::clamp(item.dosage.timesPerDay->high, 1, 3) : 1;
        panelY += builder.textAt(
                      panelLeft + 8, panelY, panelInner, QStringLiteral("TICK EACH TIME"), font(7.5, true), secondary)
                  + 2;
        const double labelWidth = sessions > 1 ? 16.0 : 0.0;
        const double cellWidth = (panelInner - labelWidth) / 7;
        const QString days[] = {QStringLiteral("M"),
                                QStringLiteral("T"),
                                QStringLiteral("W"),
                                QStringLiteral("T"),
                                QStringLiteral("F"),
                                QStringLiteral("S"),
                                QStringLiteral("S")};
        for (int day = 0; day < 7; ++day) {
            builder.textAt(panelLeft + 8 + labelWidth + day * cellWidth,
                           panelY,
                           cellWidth,
                           days[day],
                           font(7.5, true),
                           secondary,
                           Qt::AlignHCenter | Qt::AlignTop);
        }
        panelY += 11;
        const double tick = std::min(11.0, cellWidth - 4);
        for (int session = 0; session < sessions; ++session) {
            if (sessions > 1) {
                builder.textAt(
                    panelLeft + 8, panelY + 1, labelWidth, QString::number(session + 1), font(7.5), secondary);
            }
            for (int day = 0; day < 7; ++day) {
                QRectF cell(panelLeft + 8 + labelWidth + day * cellWidth + (cellWidth - tick) / 2, panelY, tick, tick);
                builder.add(BoxItem{cell, secondary, 0.8, Qt::white, 1.5});
            }
            panelY += tick + 3;
        }
        panelY += 6;
        const double panelHeight = std::max(pictureHeight + captionHeight, panelY - top);
        // The panel's fill goes behind its text, which was measured (and added) first.
        builder.insertAt(panelTextStart,
                         BoxItem{QRectF(panelLeft, top, panelWidth, panelHeight), QColor(0, 0, 0, 0), 0.0, fill, 4.0});
        builder.advance(std::max(panelHeight, leftBottom - top) + 10);

        // The nerve-friendly form, when the program asks for it (G6).
        if (item.nerveFriendly && !exercise.nerveFriendlyForm.empty()) {
            QString body = text(exercise.nerveFriendlyForm);
            double bodyHeight = builder.measure(font(9.5), inner - 16, body);
            builder.add(BoxItem{QRectF(left, builder.y(), inner, bodyHeight + 24), ink, 1.2, QColor(0, 0, 0, 0), 4.0});
            builder.textAt(left + 8,
                           builder.y() + 5,
                           inner - 16,
                           QStringLiteral("NERVE-FRIENDLY FORM — DO IT THIS WAY"),
                           font(7.5, true),
                           ink);
            builder.textAt(left + 8, builder.y() + 17, inner - 16, body, font(9.5));
            builder.advance(bodyHeight + 24 + 8);
        }

        // Starting position and steps, with their labels in a narrow column on the left.
        const double labelColumn = 58;
        builder.textAt(left, builder.y(), labelColumn, QStringLiteral("Start"), font(9.5, true));
        builder.advance(builder.textAt(left + labelColumn,
                                       builder.y(),
                                       inner - labelColumn,
                                       clientText(exercise.startPosition, m_catalogue),
                                       font(9.5))
                        + 5);
        builder.textAt(left, builder.y(), labelColumn, QStringLiteral("Steps"), font(9.5, true));
        builder.advance(
            builder.list(left + labelColumn, builder.y(), inner - labelColumn, exercise.steps, font(9.5), true, 1.0)
            + 5);

        // What to avoid and take-care notes side by side.
        const double columnWidth = (inner - 14) / 2;
        double avoidHeight =
            builder.textAt(left, builder.y(), columnWidth, QStringLiteral("Avoid"), font(9.5, true)) + 1;
        avoidHeight +=
            builder.list(left, builder.y() + avoidHeight, columnWidth, exercise.commonErrors, font(8.8), false, 1.0);
        double careHeight =
            builder.textAt(
                left + columnWidth + 14, builder.y(), columnWidth, QStringLiteral("Take care"), font(9.5, true))
            + 1;
        careHeight += builder.list(left + columnWidth + 14,
                                   builder.y() + careHeight,
                                   columnWidth,
                                   exercise.precautions,
                                   font(8.8),
                                   false,
                                   1.0);
        builder.advance(std::max(avoidHeight, careHeight));

        if (!item.note.empty()) {
            builder.advance(6);
            double noteHeight = builder.measure(font(9.5, false, true), inner - 16, text(item.note));
            builder.add(BoxItem{
                QRectF(left, builder.y(), inner, noteHeight + 22), rule, 0.8, QColor(0, 0, 0, 0), 4.0, Qt::DashLine});
            builder.textAt(left + 8,
                           builder.y() + 4,
                           inner - 16,
                           QStringLiteral("FROM YOUR THERAPIST"),
                           font(7.5, true),
                           secondary);
            builder.textAt(left + 8, builder.y() + 15, inner - 16, text(item.note), font(9.5, false, true));
            builder.advance(noteHeight + 22);
        }
        builder.advance(blockPadding - 2);
        builder.addBehind(BoxItem{QRectF(0.5, 0.5, width - 1, builder.y() - 1), rule, 1.0, QColor(0, 0, 0, 0), 6.0});
        return builder.finish(Block::Kind::Exercise, exercise.id);
    }

private:
    QPaintDevice& m_device;
    double m_width;
    const core::ExerciseCatalogue& m_catalogue;
    const core::ProgramRuleset& m_ruleset;
    std::function<QSvgRenderer&(const std::filesystem::path&)> m_illustration;

    QSvgRenderer& illustration(const std::filesystem::path& path) const { return m_illustration(path); }
};

} // namespace

HandoutRenderer::HandoutRenderer(const core::ExerciseCatalogue& catalogue, const core::ProgramRuleset& ruleset)
    : m_catalogue(catalogue)
    , m_ruleset(ruleset)
{}

HandoutRenderer::~HandoutRenderer() = default;

QSvgRenderer& HandoutRenderer::illustration(const std::filesystem::path& path) const
{
    auto found = m_illustrations.find(path.string());
    if (found != m_illustrations.end()) {
        return *found->second;
    }
    auto renderer = std::make_unique<QSvgRenderer>(QString::fromStdString(path.string()));
    if (!renderer->isValid()) {
        throw Error(ErrorCode::HandoutIllustrationUnreadable,
                    path.string() + ": illustration cannot be read or parsed; expected an SVG file");
    }
    QSvgRenderer& result = *renderer;
    m_illustrations.emplace(path.string(), std::move(renderer));
    return result;
}

HandoutLayout HandoutRenderer::writePdf(const core::Program& program,
                                        const HandoutDetails& details,
                                        HandoutPageSize pageSize,
                                        const std::string& path) const
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        throw Error(ErrorCode::HandoutWriteFailed,
                    path + ": cannot write the handout: " + file.errorString().toStdString());
    }
    HandoutLayout layout = writePdf(program, details, pageSize, file);
    file.close();
    if (file.error() != QFileDevice::NoError) {
        throw Error(ErrorCode::HandoutWriteFailed,
                    path + ": cannot write the handout: " + file.errorString().toStdString());
    }
    return layout;
}

HandoutLayout HandoutRenderer::writePdf(const core::Program& program,
                                        const HandoutDetails& details,
                                        HandoutPageSize pageSize,
                                        QIODevice& device) const
{
    QPdfWriter writer(&device);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(pageSize == HandoutPageSize::A4 ? QPageSize::A4 : QPageSize::Letter));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(QStringLiteral("Home exercise program"));
    writer.setCreator(QStringLiteral("Backscreen"));
    return paint(program, details, writer);
}

HandoutLayout
HandoutRenderer::paint(const core::Program& program, const HandoutDetails& details, QPagedPaintDevice& writer) const
{
    for (std::size_t index = 0; index < program.exercises.size(); ++index) {
        if (m_catalogue.find(program.exercises[index].exerciseId) == nullptr) {
            throw Error(ErrorCode::ProgramInvalid,
                        "program at /exercises/" + std::to_string(index) + "/exerciseId: exercise \""
                            + program.exercises[index].exerciseId + "\" is not in the catalogue "
                            + m_catalogue.version());
        }
    }
    HandoutLayout layout;
    layout.pageSize = writer.pageLayout().fullRectPoints().size();
    layout.printableArea = QRectF(marginSide,
                                  marginTop,
                                  layout.pageSize.width() - 2 * marginSide,
                                  layout.pageSize.height() - marginTop - marginBottom);
    const double width = layout.printableArea.width();

    HandoutComposer composer(
        writer, width, m_catalogue, m_ruleset, [this](const std::filesystem::path& path) -> QSvgRenderer& {
            return illustration(path);
        });
    std::vector<Block> blocks;
    blocks.push_back(composer.header(program, details));
    std::size_t glanceBlock = blocks.size();
    std::vector<std::size_t> glancePageItems;
    if (!program.exercises.empty()) {
        blocks.push_back(composer.exerciseList(program, glancePageItems));
    }
    blocks.push_back(composer.safety());
    if (!program.notes.empty() || !program.precautions.empty() || !program.furtherAssessment.empty()) {
        blocks.push_back(composer.notes(program));
    }
    blocks.push_back(composer.instructions());
    for (std::size_t index = 0; index < program.exercises.size(); ++index) {
        blocks.push_back(composer.exercise(program.exercises[index], index));
    }

    // Paginate: a block that does not fit below the previous one starts a new page.
    struct Placement
    {
        int page;
        double y;
    };

    std::vector<Placement> placements;
    int page = 1;
    double y = layout.printableArea.top();
    for (const Block& block : blocks) {
        if (y > layout.printableArea.top() && y + block.height > layout.printableArea.bottom()) {
            ++page;
            y = layout.printableArea.top();
        }
        placements.push_back({page, y});
        y += block.height + blockGap;
    }
    layout.pageCount = page;
    if (glanceBlock < blocks.size()) {
        std::size_t firstExercise = blocks.size() - program.exercises.size();
        for (std::size_t index = 0; index < glancePageItems.size(); ++index) {
            auto& pageText = std::get<TextItem>(blocks[glanceBlock].items[glancePageItems[index]]);
            pageText.text = QStringLiteral("page %1").arg(placements[firstExercise + index].page);
        }
    }

    QPainter painter;
    if (!painter.begin(&writer)) {
        throw Error(ErrorCode::HandoutWriteFailed, "cannot start painting the handout");
    }
    painter.setRenderHint(QPainter::Antialiasing);
    const QString runningTitle = details.clientName.empty()
                                     ? QStringLiteral("Home exercise program")
                                     : QStringLiteral("Home exercise program for ") + text(details.clientName);
    for (int current = 1; current <= layout.pageCount; ++current) {
        if (current > 1) {
            writer.newPage();
            painter.setFont(font(8.5));
            painter.setPen(secondary);
            painter.drawText(QRectF(marginSide, 20, width, 14), Qt::AlignLeft | Qt::AlignTop, runningTitle);
            painter.setPen(QPen(rule, 0.5));
            painter.drawLine(QPointF(marginSide, 35), QPointF(marginSide + width, 35));
        }
        for (std::size_t index = 0; index < blocks.size(); ++index) {
            if (placements[index].page != current) {
                continue;
            }
            QPointF origin(layout.printableArea.left(), placements[index].y);
            paintItems(painter, blocks[index].items, origin);
            HandoutRect drawn{current, QRectF(origin, QSizeF(width, blocks[index].height)), blocks[index].subject};
            (blocks[index].kind == Block::Kind::Exercise ? layout.exerciseBlocks : layout.sections).push_back(drawn);
            for (const auto& [rect, id] : blocks[index].illustrationBoxes) {
                layout.illustrationBoxes.push_back(HandoutRect{current, rect.translated(origin), id});
            }
        }
        // Footer in the bottom margin.
        const double footerY = layout.pageSize.height() - marginBottom + 16;
        painter.setPen(QPen(rule, 0.5));
        painter.drawLine(QPointF(marginSide, footerY - 6), QPointF(marginSide + width, footerY - 6));
        painter.setFont(font(8.5));
        painter.setPen(secondary);
        QString left = text(details.clinicName);
        if (!left.isEmpty()) {
            left += QStringLiteral(" · ");
        }
        left += QStringLiteral("Program version %1").arg(program.version);
        painter.drawText(QRectF(marginSide, footerY, width * 0.7, 14), Qt::AlignLeft | Qt::AlignTop, left);
        painter.drawText(QRectF(marginSide, footerY, width, 14),
                         Qt::AlignRight | Qt::AlignTop,
                         QStringLiteral("Page %1 of %2").arg(current).arg(layout.pageCount));
    }
    if (!painter.end()) {
        throw Error(ErrorCode::HandoutWriteFailed, "cannot finish the PDF");
    }
    return layout;
}

} // namespace backscreen::app
