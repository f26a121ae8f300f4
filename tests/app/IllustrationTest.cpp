#include "core/program/ExerciseCatalogue.h"

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <gtest/gtest.h>

using namespace backscreen::core;

// Every illustration in the catalogue parses and draws something: a missing or broken file, or one that
// renders blank, would leave an empty box on the handout.
TEST(Illustration, EveryCatalogueSvgRendersToANonEmptyImage)
{
    ExerciseCatalogueLoadResult catalogue = ExerciseCatalogue::loadDefault();
    ASSERT_TRUE(catalogue.ok()) << (catalogue.diagnostics.empty() ? "" : catalogue.diagnostics.front().toString());
    std::vector<std::filesystem::path> files;
    for (const Exercise& exercise : catalogue.catalogue->exercises()) {
        files.push_back(exercise.startIllustration);
        files.push_back(exercise.endIllustration);
    }
    ASSERT_EQ(files.size(), 2 * catalogue.catalogue->exercises().size());
    ASSERT_FALSE(files.empty());
    for (const std::filesystem::path& file : files) {
        QSvgRenderer renderer(QString::fromStdString(file.string()));
        ASSERT_TRUE(renderer.isValid()) << file;
        QImage image(200, 150, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        int inked = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                inked += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
            }
        }
        EXPECT_GT(inked, 300) << file;
    }
}

TEST(Illustration, BrokenSvgIsReportedInvalid)
{
    // The fixture exists only so this test can fail if QSvgRenderer started accepting garbage.
    QSvgRenderer renderer(QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect"));
    EXPECT_FALSE(renderer.isValid());
}
