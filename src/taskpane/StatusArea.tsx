import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { paneText } from "../messages/pane";
import type { PaneStatus } from "./paneContext";

export interface StatusAreaProps {
  status: PaneStatus | undefined;
  onDismiss(): void;
  className?: string;
}

/**
 * The pane's one place for success, warnings and errors. The live region is always in the page, so screen
 * readers hear each new message (a region created together with its text is often not announced).
 */
export const StatusArea = ({ status, onDismiss, className }: StatusAreaProps) => (
  <div role="status" aria-live="polite" aria-label={paneText.statusLabel} className={className}>
    {status && (
      <MessageBar intent={status.intent} layout="multiline">
        <MessageBarBody>{status.text}</MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" size="small" aria-label={paneText.dismiss} icon={<DismissRegular />} onClick={onDismiss} />
          }
        />
      </MessageBar>
    )}
  </div>
);
StatusArea.displayName = "StatusArea";
