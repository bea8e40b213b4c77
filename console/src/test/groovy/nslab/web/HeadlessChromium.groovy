package nslab.web

import org.openqa.selenium.OutputType
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions

import java.nio.file.Files

/**
 * Debian's headless chromium driven through its chromedriver, everything it writes (profile,
 * caches, temporary files) in one temporary folder that {@link #close} removes.
 */
class HeadlessChromium implements Closeable {
    final File home = Files.createTempDirectory('nslab-web-spec').toFile()
    final ChromeDriverService service
    final ChromeDriver browser

    HeadlessChromium() {
        def env = [TMPDIR: home.path, HOME: home.path, XDG_CONFIG_HOME: "$home/config".toString(), XDG_CACHE_HOME: "$home/cache".toString()]
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File('/usr/bin/chromedriver'))
                .usingAnyFreePort().withEnvironment(env).withLogOutput(OutputStream.nullOutputStream()).build()
        def options = new ChromeOptions().setBinary('/usr/bin/chromium')
                .addArguments('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                        "--user-data-dir=$home/profile".toString(), '--window-size=1500,1000')
        browser = new ChromeDriver(service, options)
    }

    /** The page as it is now, as target/web/NAME.png. */
    void screenshot(String name) {
        def dir = new File('target/web')
        dir.mkdirs()
        new File(dir, "${name}.png").bytes = browser.getScreenshotAs(OutputType.BYTES)
    }

    @Override
    void close() {
        browser.quit()
        service.stop()
        home.deleteDir()
    }
}
