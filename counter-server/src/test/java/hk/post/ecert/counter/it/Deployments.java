package hk.post.ecert.counter.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The real counter-server WAR as built by Maven, deployed as ROOT.war so it serves at {@code /}. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive counterWar() {
        File war = new File(System.getProperty("counter.war", "target/ROOT.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
