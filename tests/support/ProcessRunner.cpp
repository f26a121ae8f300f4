#include "ProcessRunner.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <sstream>
#include <thread>

namespace backscreen::tests {

ProcessResult runProcess(const std::string& executable,
                         const std::vector<std::string>& arguments,
                         const std::string& input,
                         const std::map<std::string, std::string>& environment)
{
    Poco::Pipe inPipe;
    Poco::Pipe outPipe;
    Poco::Pipe errPipe;
    Poco::Process::Env env(environment.begin(), environment.end());
    Poco::ProcessHandle handle = Poco::Process::launch(executable,
                                                       Poco::Process::Args(arguments.begin(), arguments.end()),
                                                       std::string(),
                                                       &inPipe,
                                                       &outPipe,
                                                       &errPipe,
                                                       env);
    ProcessResult result;
    // stderr drains on its own thread so a chatty child cannot block on a full pipe while we read stdout.
    std::thread errReader([&] {
        Poco::PipeInputStream errStream(errPipe);
        std::ostringstream collected;
        Poco::StreamCopier::copyStream(errStream, collected);
        result.err = collected.str();
    });
    {
        Poco::PipeOutputStream inStream(inPipe);
        inStream << input;
        inStream.close();
    }
    Poco::PipeInputStream outStream(outPipe);
    std::ostringstream collected;
    Poco::StreamCopier::copyStream(outStream, collected);
    result.out = collected.str();
    errReader.join();
    result.exitCode = handle.wait();
    return result;
}

ProcessResult runCli(const std::vector<std::string>& arguments,
                     const std::string& input,
                     const std::map<std::string, std::string>& environment)
{
    return runProcess(BACKSCREEN_CLI_PATH, arguments, input, environment);
}

} // namespace backscreen::tests
