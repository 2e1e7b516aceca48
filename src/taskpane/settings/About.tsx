import { useId } from "react";
import packageJson from "../../../package.json";
import { paneText } from "../../messages/pane";
import { useSectionStyles } from "../paneStyles";

const say = paneText.settings;

/** 关于: the version, and where the data goes (nowhere). */
export const About = () => {
  const styles = useSectionStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {say.aboutHeading}
      </h2>
      <p className={styles.text}>{say.version(packageJson.version)}</p>
      <p className={styles.text}>{say.privacy}</p>
    </section>
  );
};
About.displayName = "About";
