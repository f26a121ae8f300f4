#include "app/print/HandoutRenderer.h"

#include "support/PdfInspect.h"

#include "core/common/Error.h"
#include "core/program/ExerciseCatalogue.h"
#include "core/program/ProgramRuleset.h"

#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace backscreen;
using namespace backscreen::app;
using namespace backscreen::core;
using backscreen::tests::pdfPageCount;
using backscreen::tests::pdfText;

namespace {

struct Forms
{
    ExerciseCatalogue catalogue;
    ProgramRuleset ruleset;
};

const Forms& forms()
{
    static const Forms loaded = [] {
        ExerciseCatalogueLoadResult catalogue = ExerciseCatalogue::loadDefault();
        if (!catalogue.ok()) {
            throw std::runtime_error(catalogue.diagnostics.front().toString());
        }
        auto [ruleset, diagnostics] = ProgramRuleset::loadDefault(*catalogue.catalogue);
        if (!ruleset) {
            throw std::runtime_error(diagnostics.front().toString());
        }
        return Forms{std::move(*catalogue.catalogue), std::move(*ruleset)};
    }();
    return loaded;
}

Program programOf(const std::vector<std::string>& exerciseIds)
{
    Program program;
    program.version = 2;
    program.rulesetId = "program";
    program.rulesetVersion = "1.0";
    program.catalogueVersion = forms().catalogue.version();
    for (const std::string& id : exerciseIds) {
        ProgramExercise item;
        item.exerciseId = id;
        item.dosage = forms().catalogue.find(id)->dosage;
        item.reasons.push_back({"PROG-09", "general activation set"});
        program.exercises.push_back(item);
    }
    return program;
}

HandoutDetails details()
{
    return HandoutDetails{"Riverside Physiotherapy", "Alex Example", "Sam Therapist", "2026-11-24"};
}

std::string normalised(const std::string& text)
{
    std::string result;
    bool space = false;
    for (char c : text) {
        if (c == ' ') {
            space = true;
            continue;
        }
        if (space && !result.empty()) {
            result += ' ';
        }
        space = false;
        result += c;
    }
    return result;
}

const std::vector<std::string> eightExercises = {
    "EX-LM-01", "EX-CO-01", "EX-GL-01", "EX-HF-01", "EX-HS-01", "EX-GM-01", "EX-CO-03", "EX-LM-02"};

} // namespace

TEST(HandoutRenderer, PdfHasEveryExerciseNameAndDosageLine)
{
    QTemporaryDir directory;
    ASSERT_TRUE(directory.isValid());
    std::string pdf = directory.filePath(QStringLiteral("handout.pdf")).toStdString();
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    Program program = programOf(eightExercises);
    HandoutLayout layout = renderer.writePdf(program, details(), HandoutPageSize::A4, pdf);
    EXPECT_EQ(pdfPageCount(pdf), layout.pageCount);
    std::string text = pdfText(pdf);
    ASSERT_FALSE(eightExercises.empty());
    for (const std::string& id : eightExercises) {
        const Exercise& exercise = *forms().catalogue.find(id);
        EXPECT_NE(text.find(normalised(exercise.name)), std::string::npos) << exercise.name;
        EXPECT_NE(text.find(dosageInWords(exercise.dosage)), std::string::npos) << dosageInWords(exercise.dosage);
    }
    for (const char* expected : {"Riverside Physiotherapy",
                                 "Alex Example",
                                 "Sam Therapist",
                                 "2026-11-24",
                                 "Version 2",
                                 "Stop and call us",
                                 "bowel control",
                                 "Page 1 of"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }
}

TEST(HandoutRenderer, PageCountMatchesLayoutAndEveryPageIsNumbered)
{
    QTemporaryDir directory;
    std::string pdf = directory.filePath(QStringLiteral("handout.pdf")).toStdString();
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    HandoutLayout layout = renderer.writePdf(programOf(eightExercises), details(), HandoutPageSize::Letter, pdf);
    EXPECT_EQ(layout.pageCount, 6);
    EXPECT_EQ(pdfPageCount(pdf), 6);
    std::string text = pdfText(pdf);
    for (int page = 1; page <= layout.pageCount; ++page) {
        std::string footer = "Page " + std::to_string(page) + " of " + std::to_string(layout.pageCount);
        EXPECT_NE(text.find(footer), std::string::npos) << footer;
    }
}

TEST(HandoutRenderer, A4AndLetterHaveTheirPaperSizes)
{
    QTemporaryDir directory;
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    std::string a4 = directory.filePath(QStringLiteral("a4.pdf")).toStdString();
    std::string letter = directory.filePath(QStringLiteral("letter.pdf")).toStdString();
    HandoutLayout a4Layout = renderer.writePdf(programOf({"EX-GL-01"}), details(), HandoutPageSize::A4, a4);
    HandoutLayout letterLayout = renderer.writePdf(programOf({"EX-GL-01"}), details(), HandoutPageSize::Letter, letter);
    EXPECT_NEAR(a4Layout.pageSize.width(), 595.0, 1.0);
    EXPECT_NEAR(a4Layout.pageSize.height(), 842.0, 1.0);
    EXPECT_NEAR(letterLayout.pageSize.width(), 612.0, 1.0);
    EXPECT_NEAR(letterLayout.pageSize.height(), 792.0, 1.0);
    EXPECT_NE(tests::toolOutput("/usr/bin/pdfinfo", {a4}).find("595 x 842 pts (A4)"), std::string::npos);
    EXPECT_NE(tests::toolOutput("/usr/bin/pdfinfo", {letter}).find("612 x 792 pts (letter)"), std::string::npos);
}

TEST(HandoutRenderer, LayoutStaysInsideMarginsAndNoBlockCrossesAPage)
{
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    for (HandoutPageSize size : {HandoutPageSize::A4, HandoutPageSize::Letter}) {
        QTemporaryDir directory;
        std::string pdf = directory.filePath(QStringLiteral("handout.pdf")).toStdString();
        Program program = programOf(eightExercises);
        program.exercises[4].nerveFriendly = true;
        program.exercises[4].note = "Keep the other knee bent; stop before any tingling.";
        program.notes = {"Walk for 20 minutes on most days."};
        program.precautions = {"Stop any exercise that makes pain spread down your leg."};
        program.furtherAssessment = {"Needs further assessment: possible nerve-root pain."};
        HandoutLayout layout = renderer.writePdf(program, details(), size, pdf);
        const QRectF area = layout.printableArea;
        ASSERT_EQ(layout.exerciseBlocks.size(), eightExercises.size());
        ASSERT_EQ(layout.illustrationBoxes.size(), 2 * eightExercises.size());
        std::vector<HandoutRect> all = layout.exerciseBlocks;
        all.insert(all.end(), layout.illustrationBoxes.begin(), layout.illustrationBoxes.end());
        all.insert(all.end(), layout.sections.begin(), layout.sections.end());
        for (const HandoutRect& drawn : all) {
            EXPECT_TRUE(area.contains(drawn.rect)) << drawn.subject << " on page " << drawn.page;
            EXPECT_GE(drawn.page, 1);
            EXPECT_LE(drawn.page, layout.pageCount);
        }
        // Each illustration box lies inside its own exercise's block on the same page.
        for (const HandoutRect& box : layout.illustrationBoxes) {
            auto block = std::find_if(layout.exerciseBlocks.begin(),
                                      layout.exerciseBlocks.end(),
                                      [&](const HandoutRect& candidate) { return candidate.subject == box.subject; });
            ASSERT_NE(block, layout.exerciseBlocks.end());
            EXPECT_EQ(block->page, box.page);
            EXPECT_TRUE(block->rect.contains(box.rect)) << box.subject;
        }
        // Blocks on one page never overlap, so none is split or drawn over another.
        for (std::size_t first = 0; first < all.size(); ++first) {
            for (std::size_t second = first + 1; second < all.size(); ++second) {
                bool nested = all[first].rect.contains(all[second].rect) || all[second].rect.contains(all[first].rect);
                if (all[first].page == all[second].page && !nested) {
                    EXPECT_FALSE(all[first].rect.intersects(all[second].rect))
                        << all[first].subject << " and " << all[second].subject;
                }
            }
        }
        EXPECT_EQ(layout.sections.front().subject, "header");
        EXPECT_EQ(layout.sections.front().page, 1);
    }
}

TEST(HandoutRenderer, EveryPageRendersToANonBlankImage)
{
    QTemporaryDir directory;
    std::string pdf = directory.filePath(QStringLiteral("handout.pdf")).toStdString();
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    HandoutLayout layout = renderer.writePdf(programOf(eightExercises), details(), HandoutPageSize::A4, pdf);
    std::string prefix = directory.filePath(QStringLiteral("page")).toStdString();
    tests::toolOutput("/usr/bin/pdftoppm", {"-r", "50", "-png", pdf, prefix});
    int rendered = 0;
    for (const auto& entry : std::filesystem::directory_iterator(directory.path().toStdString())) {
        if (entry.path().extension() != ".png") {
            continue;
        }
        ++rendered;
        QImage image(QString::fromStdString(entry.path().string()));
        ASSERT_FALSE(image.isNull()) << entry.path();
        int inked = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                inked += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
            }
        }
        // At 50 dpi an A4 page has about 240000 pixels; a page with one exercise block inks thousands.
        EXPECT_GT(inked, 2000) << entry.path();
    }
    EXPECT_EQ(rendered, layout.pageCount);
}

TEST(HandoutRenderer, NerveFriendlyFormAndTherapistNoteArePrinted)
{
    QTemporaryDir directory;
    std::string pdf = directory.filePath(QStringLiteral("handout.pdf")).toStdString();
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    Program program = programOf({"EX-HS-01"});
    program.exercises[0].nerveFriendly = true;
    program.exercises[0].note = "Bend the other knee.";
    renderer.writePdf(program, details(), HandoutPageSize::A4, pdf);
    std::string text = pdfText(pdf);
    EXPECT_NE(text.find("NERVE-FRIENDLY FORM"), std::string::npos);
    EXPECT_NE(text.find(normalised(forms().catalogue.find("EX-HS-01")->nerveFriendlyForm)), std::string::npos);
    EXPECT_NE(text.find("Bend the other knee."), std::string::npos);
}

TEST(HandoutRenderer, UnknownExerciseIsRejectedBeforeWriting)
{
    QTemporaryDir directory;
    std::string pdf = directory.filePath(QStringLiteral("handout.pdf")).toStdString();
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    Program program = programOf({"EX-GL-01"});
    program.exercises[0].exerciseId = "EX-ZZ-99";
    try {
        renderer.writePdf(program, details(), HandoutPageSize::A4, pdf);
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::ProgramInvalid);
    }
}

TEST(HandoutRenderer, UnwritablePathIsAHandoutWriteError)
{
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    try {
        renderer.writePdf(programOf({"EX-GL-01"}), details(), HandoutPageSize::A4, "/nonexistent-dir/handout.pdf");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::HandoutWriteFailed);
        EXPECT_EQ(std::string(error.what()).rfind("/nonexistent-dir/handout.pdf: cannot write the handout", 0), 0u);
    }
}

TEST(HandoutRenderer, ClientTextCarriesNoClinicianReferences)
{
    QTemporaryDir directory;
    std::string pdf = directory.filePath(QStringLiteral("handout.pdf")).toStdString();
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    std::vector<std::string> everyExercise;
    for (const Exercise& exercise : forms().catalogue.exercises()) {
        everyExercise.push_back(exercise.id);
    }
    ASSERT_EQ(everyExercise.size(), 16u);
    Program program = programOf(everyExercise);
    for (ProgramExercise& item : program.exercises) {
        item.nerveFriendly = true;
    }
    renderer.writePdf(program, details(), HandoutPageSize::A4, pdf);
    std::string text = pdfText(pdf);
    EXPECT_TRUE(std::regex_search(text, std::regex("Gently tighten your tummy\\.")));
    EXPECT_FALSE(std::regex_search(text, std::regex(R"(EX-[A-Z]{2}|\bG[0-9]\b|RAD-E|None specific)"))) << text;
    EXPECT_NE(text.find("Neural symptoms: use the nerve-friendly form."), std::string::npos);
}

TEST(HandoutRenderer, EmptyProgramStillPrintsHeaderAndSafetyBox)
{
    QTemporaryDir directory;
    std::string pdf = directory.filePath(QStringLiteral("handout.pdf")).toStdString();
    HandoutRenderer renderer(forms().catalogue, forms().ruleset);
    HandoutLayout layout = renderer.writePdf(programOf({}), details(), HandoutPageSize::A4, pdf);
    EXPECT_EQ(layout.pageCount, 1);
    EXPECT_TRUE(layout.exerciseBlocks.empty());
    std::vector<std::string> sections;
    for (const HandoutRect& section : layout.sections) {
        sections.push_back(section.subject);
    }
    EXPECT_EQ(sections, (std::vector<std::string>{"header", "safety", "instructions"}));
    EXPECT_EQ(pdfPageCount(pdf), 1);
}
