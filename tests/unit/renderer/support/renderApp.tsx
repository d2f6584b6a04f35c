/**
 * Rendering the real office app in jsdom. antd's run-time CSS is collected rather than put into the
 * page: jsdom recomputes styles from every style sheet on each visibility check, which made every
 * click and keystroke take a second.
 */
import { render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { StyleProvider } from '@ant-design/cssinjs';
import { OfficeApp } from '../../../../src-renderer/office/OfficeApp';
import type { ProcedureClient } from '../../../../src-renderer/api/client';

/** The whole office app at `path`, talking to the server behind `client`. */
export function renderApp(client: ProcedureClient, path = '/') {
  return render(
    <StyleProvider mock="server">
      <RouterProvider
        router={createMemoryRouter([{ path: '*', element: <OfficeApp client={client} /> }], { initialEntries: [path] })}
      />
    </StyleProvider>,
  );
}

/** A user typing without delays; pointer-events checks need the CSS that is not in the page. */
export function setupUser() {
  return userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
}
