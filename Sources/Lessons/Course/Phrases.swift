/// The course's longer texts, in both languages.
enum Phrases {
    static let welcomeEnglish = """
        **Welcome to KubeLab.** You will work through *Kubernetes in Action* hands-on, on a simulated \
        workstation with `docker`, `kubectl`, `curl`, `minikube` and `gcloud`. Each step is checked \
        against the simulated world, so any correct way of doing it passes.

        Type `help` for the course commands, `hint` when you are stuck, `lessons` to see the whole course.
        """

    static let welcomeChinese = """
        **欢迎使用 KubeLab。**你将在一台模拟的工作站上动手学习《Kubernetes in Action》，上面装有 `docker`、\
        `kubectl`、`curl`、`minikube` 和 `gcloud`。每一步都会对照模拟的世界来检查，所以任何正确的做法都能通过。

        输入 `help` 查看课程命令，卡住时输入 `hint`，输入 `lessons` 查看全部课程。
        """

    static let helpEnglish = """
        Course commands (everything else goes to the shell):

        - `lessons`: the course, with your progress (✓ done, ▶ current, · not yet)
        - `lesson ID`: go to a lesson
        - `step` or `again`: show the current step again
        - `hint`: the next hint for this step
        - `solution`: how to solve this step (`solution show`, `solution run`)
        - `check`: check the step now
        - `next`, `back`: the next or the previous step
        - `skip`: move on without finishing this step
        - `undo`: take back your last command
        - `reset`: start this lesson over, with the world as it was when it began
        - `map`: a picture of the world: nodes and their pods, services, controllers, Docker
        - `lang en` or `lang zh`: English or Chinese
        """

    static let helpChinese = """
        课程命令（其余输入都交给 shell）：

        - `lessons`：全部课程及你的进度（✓ 已完成，▶ 当前，· 未开始）
        - `lesson ID`：进入某一课
        - `step` 或 `again`：再次显示当前这一步
        - `hint`：这一步的下一条提示
        - `solution`：这一步的解法（`solution show` 显示，`solution run` 运行）
        - `check`：立即检查这一步
        - `next`、`back`：下一步或上一步
        - `skip`：不完成这一步，直接往下走
        - `undo`：撤销你的上一条命令
        - `reset`：本课重新开始，世界回到本课开始时的样子
        - `map`：世界的全貌：节点及其 pod、服务、控制器、Docker
        - `lang en` 或 `lang zh`：英文或中文
        """

    static let courseEndEnglish = """
        **You have finished every lesson of the course.** What next:

        - keep experimenting in this world: `kubelab sandbox` opens it without a lesson
        - read on in the book and try its examples here
        - write a lesson of your own: `kubelab lesson new ID`, then `kubelab lesson test`
        - take your progress to another machine: `kubelab progress export FILE`
        """

    static let courseEndChinese = """
        **你已完成全部课程。**接下来可以：

        - 继续在这个世界里实验：`kubelab sandbox` 打开它，不带课程
        - 继续读书，并在这里尝试书中的例子
        - 自己写一课：`kubelab lesson new ID`，然后 `kubelab lesson test`
        - 把进度带到另一台机器：`kubelab progress export FILE`
        """
}
