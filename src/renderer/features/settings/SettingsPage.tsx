import {
  Alert,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
} from '@mantine/core'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useAppState, useSession } from '../../app/app-state'
import { PageHeader } from '../../components/PageHeader'
import { CalendarSettingsPanel } from '../calendar/CalendarSettingsPanel'
import { ReviewSettings } from '../review/settings/ReviewSettings'
import { SyncSettingsPanel } from '../sync/SyncSettingsPanel'
import { BackupPanel } from './BackupPanel'
import { AttachmentLimitForm, SettingsForm } from './SettingsForm'

function AppearancePanel() {
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  return (
    <Paper withBorder p="lg">
      <Title order={3} fz="md" mb={4}>
        外观
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        只影响本机的显示。
      </Text>
      <SegmentedControl
        aria-label="界面配色"
        value={colorScheme}
        onChange={(v) => setColorScheme(v as 'light' | 'dark' | 'auto')}
        data={[
          { value: 'light', label: '浅色' },
          { value: 'dark', label: '深色' },
          { value: 'auto', label: '跟随系统' },
        ]}
      />
    </Paper>
  )
}

/** Administrators maintain lock and backup settings; everyone picks light or dark. */
function AdminSettings() {
  const { refresh } = useAppState()
  const settings = useApiQuery(() => api().settings.get({}))
  return (
    <>
      {settings.error && <Alert color="red">{settings.error.message}</Alert>}
      {settings.loading && !settings.data && <Loader size="sm" />}
      {settings.data && (
        <SettingsForm
          key={JSON.stringify(settings.data)}
          initial={settings.data}
          onSaved={() => {
            settings.reload()
            // The session carries lockAfterMinutes: re-read it so the idle timer uses the new value.
            void refresh()
          }}
        />
      )}
      <AttachmentLimitForm />
      <SyncSettingsPanel />
      <BackupPanel />
      <ReviewSettings />
    </>
  )
}

export function SettingsPage() {
  const session = useSession()
  const isAdmin = session.capabilities.admin
  return (
    <Stack gap="md" maw={1000}>
      <PageHeader title="设置" description="本机的安全、同步、备份和显示设置。" />
      {isAdmin ? (
        <AdminSettings />
      ) : (
        // Without administration there is nothing to save here but the appearance below.
        <Paper withBorder p="lg" data-primary-action="none">
          <Title order={3} fz="md" mb={4}>
            安全与备份
          </Title>
          <Text fz="sm">
            无操作 {session.lockAfterMinutes}{' '}
            分钟后程序自动锁定。锁定时间和数据备份由系统管理员设置。
          </Text>
        </Paper>
      )}
      <CalendarSettingsPanel />
      <AppearancePanel />
    </Stack>
  )
}
