import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Chooses an option of an antd Select by its label, and checks that it took. A select inside
 * a dialog that is still zooming in can lose the first click (its dropdown moves as the
 * dialog settles): the choice is tried again until the field shows it.
 */
export async function choose(page: Page, scope: Locator, label: string, option: string) {
  const field = scope.getByLabel(label, { exact: true })
  await expect(async () => {
    await field.click()
    await page.getByRole('option', { name: option, exact: true }).click({ timeout: 2_000 })
    // The field shows its choice in an element titled with it.
    await expect(scope.getByTitle(option, { exact: true })).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
}
