import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Button, Center, Code, Paper, Stack, Text, Title } from '@mantine/core'

interface State {
  error: Error | null
}

/** Catches a render error anywhere below and offers to reload instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('界面出错', error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <Center mih="100vh" p="xl">
        <Paper withBorder p="xl" maw={560} role="alert">
          <Stack gap="md">
            <Title order={3}>界面出现错误</Title>
            <Text>
              程序的界面遇到了意外错误，已保存的数据不受影响。请点击「重新加载」；如果问题反复出现，请把下面的信息告诉系统管理员。
            </Text>
            <Code block>{error.message}</Code>
            <Button onClick={() => window.location.reload()} w="fit-content">
              重新加载
            </Button>
          </Stack>
        </Paper>
      </Center>
    )
  }
}
